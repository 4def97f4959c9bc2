package ai.interconnects.archive.episode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.interconnects.archive.feed.client.ItemExtras;
import ai.interconnects.archive.web.Formats;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The other files of an episode's media ({@code podcast:alternateEnclosure}), in the
 * {@code episode_alternate_enclosure} table: written inside the caller's transaction when
 * an item is stored, read by the pages, the API, the feed and the export. An item that
 * lists none leaves what was stored: a feed dropping its alternates does not delete them.
 */
@Component
public class EpisodeAlternates {

	private static final TypeReference<List<Source>> SOURCES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	EpisodeAlternates(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * One alternate file: its attributes as the feed gave them ({@code bitrate} in bits
	 * per second) and its sources in feed order.
	 */
	public record Alternate(String type, Long length, Long bitrate, Integer height, String lang, String title,
			String rel, String codecs, boolean isDefault, List<Source> sources) {

		/** The first source a browser can fetch (http or https), or null. */
		public String webSource() {
			return this.sources.stream()
				.map((source) -> Formats.webUrl(source.uri()))
				.filter((uri) -> uri != null)
				.findFirst()
				.orElse(null);
		}

	}

	/** A {@code podcast:source}: a URI and the MIME type of what it names, if given. */
	public record Source(String uri, String contentType) {
	}

	void keep(long episodeId, List<ItemExtras.AlternateEnclosure> alternates) {
		if (alternates.isEmpty()) {
			return;
		}
		this.jdbc.sql("delete from episode_alternate_enclosure where episode_id = ?").param(episodeId).update();
		for (int i = 0; i < alternates.size(); i++) {
			var a = alternates.get(i);
			var sources = a.sources().stream().map((s) -> new Source(s.uri(), s.contentType())).toList();
			this.jdbc.sql("""
					insert into episode_alternate_enclosure (episode_id, position, mime_type, length_bytes, bitrate,
						height, lang, title, rel, codecs, is_default, sources)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
				.params(episodeId, i, a.type(), a.length(), a.bitrate(), a.height(), a.lang(), a.title(), a.rel(),
						a.codecs(), a.isDefault(), this.json.writeValueAsString(sources))
				.update();
		}
	}

	/**
	 * The alternate files of the episodes {@code episodeIds}, each episode's in feed
	 * order.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<Alternate>> of(Collection<Long> episodeIds) {
		var result = new HashMap<Long, List<Alternate>>();
		if (episodeIds.isEmpty()) {
			return result;
		}
		this.jdbc.sql("""
				select episode_id, mime_type, length_bytes, bitrate, height, lang, title, rel, codecs, is_default,
					sources::text
				from episode_alternate_enclosure where episode_id in (:ids) order by episode_id, position""")
			.param("ids", episodeIds)
			.query((rs, n) -> {
				var alternate = new Alternate(rs.getString(2), (Long) rs.getObject(3), (Long) rs.getObject(4),
						(Integer) rs.getObject(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
						rs.getBoolean(10), sources(rs.getString(11)));
				result.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>()).add(alternate);
				return alternate;
			})
			.list();
		return result;
	}

	/** The sources as stored (a JSON array written by {@link #keep}). */
	public List<Source> sources(String json) {
		return List.copyOf(this.json.readValue(json, SOURCES));
	}

}
