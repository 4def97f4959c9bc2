package ai.interconnects.archive.episode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.interconnects.archive.feed.client.ItemExtras;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The other files of an episode's media ({@code podcast:alternateEnclosure}) in the
 * {@code episode_alternate_enclosure} table, written inside the caller's transaction when
 * an item is stored and read through {@link EpisodeCatalog}. An item that lists none
 * leaves what was stored: a feed dropping its alternates does not delete them.
 */
@Component
class EpisodeAlternates {

	/** The columns {@link #entry} reads. */
	static final String COLUMNS = "mime_type, length_bytes, bitrate, height, lang, title, rel, codecs, is_default,"
			+ " sources::text as sources";

	/**
	 * The sources column is JSON this class writes; a mapper of its own reads it back.
	 */
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<AlternateEntry.Source>> SOURCES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	EpisodeAlternates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void keep(long episodeId, List<ItemExtras.AlternateEnclosure> alternates) {
		if (alternates.isEmpty()) {
			return;
		}
		this.jdbc.sql("delete from episode_alternate_enclosure where episode_id = ?").param(episodeId).update();
		insert(episodeId, alternates.stream()
			.map((a) -> new AlternateEntry(a.type(), a.length(), a.bitrate(), a.height(), a.lang(), a.title(), a.rel(),
					a.codecs(), a.isDefault(),
					a.sources().stream().map((s) -> new AlternateEntry.Source(s.uri(), s.contentType())).toList()))
			.toList());
	}

	/**
	 * Adds {@code alternates} to an episode that has none (a new one, a restored one).
	 */
	void insert(long episodeId, List<AlternateEntry> alternates) {
		for (int i = 0; i < alternates.size(); i++) {
			var a = alternates.get(i);
			this.jdbc.sql("""
					insert into episode_alternate_enclosure (episode_id, position, mime_type, length_bytes, bitrate,
						height, lang, title, rel, codecs, is_default, sources)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
				.params(episodeId, i, a.type(), a.length(), a.bitrate(), a.height(), a.lang(), a.title(), a.rel(),
						a.codecs(), a.isDefault(), JSON.writeValueAsString(a.sources()))
				.update();
		}
	}

	/**
	 * The alternate files of the episodes {@code episodeIds}, each episode's in feed
	 * order.
	 */
	Map<Long, List<AlternateEntry>> of(Collection<Long> episodeIds) {
		var result = new HashMap<Long, List<AlternateEntry>>();
		if (episodeIds.isEmpty()) {
			return result;
		}
		this.jdbc.sql("select episode_id, " + COLUMNS + """
				 from episode_alternate_enclosure
				where episode_id in (:ids) order by episode_id, position""")
			.param("ids", episodeIds)
			.query((rs, n) -> result.computeIfAbsent(rs.getLong("episode_id"), (id) -> new ArrayList<>())
				.add(entry(rs)))
			.list();
		return result;
	}

	/** One row, its columns selected as {@link #COLUMNS}. */
	static AlternateEntry entry(ResultSet rs) throws SQLException {
		return new AlternateEntry(rs.getString("mime_type"), (Long) rs.getObject("length_bytes"),
				(Long) rs.getObject("bitrate"), (Integer) rs.getObject("height"), rs.getString("lang"),
				rs.getString("title"), rs.getString("rel"), rs.getString("codecs"), rs.getBoolean("is_default"),
				JSON.readValue(rs.getString("sources"), SOURCES));
	}

}
