package ai.interconnects.archive.show;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.interconnects.archive.web.Site;
import ai.interconnects.archive.web.SiteSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one door to the {@code podcast} table for reading: the shows as their feeds
 * describe them. The poll writes the rows (through {@link Podcast}); every other package
 * reads them here.
 */
@Service
@Transactional(readOnly = true)
public class Shows implements SiteSource {

	/**
	 * Whether the archive is a library (several visible shows) rather than one show,
	 * whose pages stay as they always were: an SQL expression, asked beside the page
	 * stamp once per request ({@code ShowOfEpisode#library}).
	 */
	public static final String IS_LIBRARY = "select count(*) > 1 from podcast where title is not null and removed_at is null";

	private static final String CHANNEL = "select id, slug, configured_url, title, link, image_url, author, description, "
			+ "copyright, show_type from podcast";

	private final JdbcClient jdbc;

	Shows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A show as its feed last described it; {@code configuredUrl} is never null, the rest
	 * ({@code slug} included) is null until a poll read the channel ({@code showType} is
	 * its {@code itunes:type}, {@code episodic} or {@code serial}, null when the feed
	 * never said).
	 */
	public record Show(long id, String slug, String configuredUrl, String title, String link, String imageUrl,
			String author, String description, String copyright, String showType) {
	}

	/** The archive's first configured show, if a feed was ever read. */
	public Optional<Show> first() {
		return this.jdbc.sql(CHANNEL + " order by id limit 1").query((rs, n) -> show(rs)).optional();
	}

	/**
	 * The shows on the archive's pages: read at least once (titled) and not removed,
	 * oldest first. The first is the archive's first show.
	 */
	public List<Show> visible() {
		return this.jdbc.sql(CHANNEL + " where title is not null and removed_at is null order by id")
			.query((rs, n) -> show(rs))
			.list();
	}

	/** A visible show by its slug. */
	public Optional<Show> bySlug(String slug) {
		return this.jdbc.sql(CHANNEL + " where slug = ? and removed_at is null")
			.param(slug)
			.query((rs, n) -> show(rs))
			.optional();
	}

	/** The show an episode belongs to. */
	public Optional<Show> byId(long id) {
		return this.jdbc.sql(CHANNEL + " where id = ?").param(id).query((rs, n) -> show(rs)).optional();
	}

	/**
	 * The show most recently read successfully: the configured feed (a feed URL the
	 * operator changed leaves the old row behind).
	 */
	@Override
	public Optional<Site> read() {
		return this.jdbc.sql(CHANNEL + """
				 where title is not null
				order by last_success_at desc nulls last, id desc
				limit 1
				""")
			.query((rs, row) -> new Site(rs.getString("title"), rs.getString("link"), rs.getString("author"),
					rs.getString("description"), rs.getString("image_url"), rs.getString("copyright")))
			.optional();
	}

	/**
	 * A show as a list of podcasts names it: its title, the feed it is read from now (the
	 * configured address, or where a confirmed permanent redirect moved it) and when its
	 * row last changed.
	 */
	public record Listing(String title, String feedUrl, Instant updatedAt) {
	}

	/**
	 * Every show whose feed was read (a show without a title was never read and has
	 * nothing to list), oldest first.
	 */
	public List<Listing> listings() {
		return this.jdbc.sql("select title, feed_url, updated_at from podcast where title is not null order by id")
			.query((rs, n) -> new Listing(rs.getString("title"), rs.getString("feed_url"), instant(rs, "updated_at")))
			.list();
	}

	/** Every show's configured feed URL, by its id. */
	public Map<Long, String> configuredUrls() {
		var urls = new HashMap<Long, String>();
		this.jdbc.sql("select id, configured_url from podcast")
			.query((rs, n) -> urls.put(rs.getLong(1), rs.getString(2)))
			.list();
		return urls;
	}

	/** The polling state of the show configured at {@code configuredUrl}. */
	public Optional<ShowState> state(String configuredUrl) {
		return this.jdbc.sql("""
				select configured_url, feed_url, title, status, etag, last_modified, last_attempt_at,
				       last_success_at, next_poll_at, consecutive_failures, redirect_candidate_url, redirect_seen_count
				from podcast where configured_url = :url""")
			.param("url", configuredUrl)
			.query((rs, n) -> new ShowState(rs.getString("configured_url"), rs.getString("feed_url"),
					rs.getString("title"), rs.getString("status"), rs.getString("etag"), rs.getString("last_modified"),
					instant(rs, "last_attempt_at"), instant(rs, "last_success_at"), instant(rs, "next_poll_at"),
					rs.getInt("consecutive_failures"), rs.getString("redirect_candidate_url"),
					rs.getInt("redirect_seen_count")))
			.optional();
	}

	private static Show show(ResultSet rs) throws SQLException {
		return new Show(rs.getLong("id"), rs.getString("slug"), rs.getString("configured_url"), rs.getString("title"),
				rs.getString("link"), rs.getString("image_url"), rs.getString("author"), rs.getString("description"),
				rs.getString("copyright"), rs.getString("show_type"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
