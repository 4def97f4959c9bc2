package ai.interconnects.archive.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.interconnects.archive.web.ArchiveStamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who talks in which episode, for naming the guests (on the reading pages and the search
 * results, hence here, below both): the speakers of some episodes, in the order they
 * first speak, the guests their feed credits ({@code podcast:person}), and the archive's
 * host. The host is found by counting every speaker's episodes, so it is computed once
 * per state of the archive (its {@link ArchiveStamp}, which the request has read already)
 * and kept.
 */
@Repository
@Transactional(readOnly = true)
public class CastRepository {

	private final JdbcClient jdbc;

	/** The host, per state of the archive and author. */
	private final PerArchiveState<String> host;

	CastRepository(JdbcClient jdbc, ArchiveStamp stamps) {
		this.jdbc = jdbc;
		this.host = new PerArchiveState<>(stamps);
	}

	/** A speaker with the number of episodes and paragraphs they speak in. */
	record Voice(String name, long episodes, long turns) {
	}

	/**
	 * The host: the speaker present in the most episodes (at least two), or the show's
	 * author when a transcript names them, whichever comes first in that order of
	 * episodes; null when no speaker recurs and the author speaks in none.
	 */
	public String host(String author) {
		return this.host.get(author, () -> Guests.host(this.jdbc.sql("""
				select speaker as name, count(*) as episodes, sum(segments) as turns
				from episode_speaker
				group by speaker order by episodes desc, turns desc, speaker limit 20""").query(Voice.class).list(),
				author));
	}

	/** The speakers of each episode, in the order they first speak. */
	public Map<Long, List<String>> speakers(Collection<Long> episodeIds) {
		return namesByEpisode("""
				select episode_id, speaker from episode_speaker
				where episode_id in (:ids)
				order by episode_id, first_position""", episodeIds);
	}

	/** The guests each episode's feed item credits, in its order. */
	public Map<Long, List<String>> creditedGuests(Collection<Long> episodeIds) {
		return namesByEpisode("""
				select episode_id, name from episode_person
				where episode_id in (:ids) and lower(role) = 'guest'
				order by episode_id, position""", episodeIds);
	}

	/** Each episode's names as {@code sql} lists them (episode id, name; ordered). */
	private Map<Long, List<String>> namesByEpisode(String sql, Collection<Long> episodeIds) {
		var result = new LinkedHashMap<Long, List<String>>();
		if (episodeIds.isEmpty()) {
			return result;
		}
		this.jdbc.sql(sql)
			.param("ids", episodeIds)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.forEach((row) -> result.computeIfAbsent(row.getKey(), (id) -> new ArrayList<>()).add(row.getValue()));
		return result;
	}

	/** Who each of these episodes (by slug) is with, as {@link Guests#of} says. */
	public Map<String, Guests> guests(Collection<String> slugs, String author) {
		var result = new LinkedHashMap<String, Guests>();
		if (slugs.isEmpty()) {
			return result;
		}
		var ids = new LinkedHashMap<Long, String>();
		this.jdbc.sql("select id, slug from episode where slug in (:slugs)")
			.param("slugs", slugs)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.forEach((row) -> ids.put(row.getKey(), row.getValue()));
		var speakers = speakers(ids.keySet());
		var credited = creditedGuests(ids.keySet());
		var host = host(author);
		ids.forEach((id, slug) -> result.put(slug,
				Guests.of(credited.getOrDefault(id, List.of()), speakers.getOrDefault(id, List.of()), host)));
		return result;
	}

	static String key(String name) {
		return (name != null) ? name.strip().toLowerCase(Locale.ROOT) : "";
	}

}
