package ai.interconnects.archive.support;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A second show beside the polled one, written straight to the tables (main has no way
 * yet to poll more than the configured feed): a titled podcast row, so the archive is a
 * library, and its episodes with one transcript segment each.
 */
public final class SecondShow {

	private SecondShow() {
	}

	/** Adds the show; returns its id. */
	public static long add(JdbcClient jdbc, String slug, String title) {
		return jdbc.sql(
				"insert into podcast (configured_url, feed_url, slug, title, link) values (:url, :url, :slug, :title, :link)"
						+ " returning id")
			.param("url", "https://feeds.example.org/" + slug + ".xml")
			.param("slug", slug)
			.param("title", title)
			.param("link", "https://example.org/" + slug)
			.query(Long.class)
			.single();
	}

	/** Adds an episode to the show, said in one transcript segment. */
	public static void episode(JdbcClient jdbc, long show, String slug, String title, String said, Instant published) {
		long id = jdbc.sql("""
				insert into episode (podcast_id, guid, slug, title, published_at, show_notes_html, content_hash,
				    first_seen_at, last_seen_at, updated_at)
				values (:show, :guid, :slug, :title, :published, '<p>Notes.</p>', 'x', now(), now(), now())
				returning id""")
			.param("show", show)
			.param("guid", "guid-" + slug)
			.param("slug", slug)
			.param("title", title)
			.param("published", Timestamp.from(published))
			.query(Long.class)
			.single();
		jdbc.sql("insert into transcript_segment (episode_id, position, start_seconds, speaker, text) "
				+ "values (?, 0, 0, 'Host', ?)")
			.params(id, said)
			.update();
	}

}
