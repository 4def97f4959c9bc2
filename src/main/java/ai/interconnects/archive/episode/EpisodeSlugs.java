package ai.interconnects.archive.episode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A free slug for a new episode. Slugs are unique across the library, and shows are
 * polled several at once (and by several instances): two shows' "Trailer" would otherwise
 * both find {@code trailer} free and one insert fail. The check holds a
 * transaction-scoped advisory lock, so the second waits until the first has committed its
 * episode and then takes {@code trailer-2}. Only new episodes take it, before anything
 * else in their transaction, so it orders nothing else.
 */
@Component
class EpisodeSlugs {

	/** The advisory lock's key: any fixed number no other lock of the archive uses. */
	private static final long LOCK = 0x736c7567L;

	private final JdbcClient jdbc;

	private final EpisodeRepository episodes;

	EpisodeSlugs(JdbcClient jdbc, EpisodeRepository episodes) {
		this.jdbc = jdbc;
		this.episodes = episodes;
	}

	/** {@code base}, or {@code base-2}, {@code base-3} … whichever no episode has yet. */
	@Transactional
	String free(String base) {
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query((rs, n) -> 1).list();
		var slug = base;
		for (int n = 2; this.episodes.existsBySlug(slug); n++) {
			slug = base + "-" + n;
		}
		return slug;
	}

}
