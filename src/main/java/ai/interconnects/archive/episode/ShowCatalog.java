package ai.interconnects.archive.episode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.interconnects.archive.web.Formats;
import ai.interconnects.archive.web.ShowOfEpisode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The library's reads for the pages: each visible show with its episode count and newest
 * episode, the newest episodes across the shows, and the show an episode belongs to. Each
 * is one statement however many shows there are.
 */
@Service
@Transactional(readOnly = true)
public class ShowCatalog implements ShowOfEpisode {

	private final JdbcClient jdbc;

	private final EpisodeStamp stamps;

	private final EpisodeShowMemo showOfEpisode;

	ShowCatalog(JdbcClient jdbc, EpisodeStamp stamps) {
		this.jdbc = jdbc;
		this.stamps = stamps;
		this.showOfEpisode = new EpisodeShowMemo(stamps::current);
	}

	/** An episode as a list across shows names it. */
	public record EpisodeLink(String slug, String title, Instant publishedAt) {

		public String date() {
			return Formats.date(this.publishedAt);
		}

		public String isoDate() {
			return Formats.isoDate(this.publishedAt);
		}

	}

	/**
	 * A show in the library: {@code newest} is null for a show without episodes yet.
	 */
	public record ShowSummary(long id, String slug, String title, String imageUrl, String author, long episodes,
			EpisodeLink newest) {

		/**
		 * Artwork the pages may load: the site's policy allows only {@code https:}
		 * images.
		 */
		public String artwork() {
			return (this.imageUrl != null && this.imageUrl.startsWith("https://")) ? this.imageUrl : null;
		}

		/** The first letter of the title, for a show without artwork. */
		public String initial() {
			return this.title.substring(0, this.title.offsetByCodePoints(0, 1)).toUpperCase(java.util.Locale.ROOT);
		}

	}

	/** An episode among the newest of every show, with its show. */
	public record ShowEpisode(String slug, String title, Instant publishedAt, Integer durationSeconds, String showSlug,
			String showTitle) {

		public String date() {
			return Formats.date(this.publishedAt);
		}

		public String isoDate() {
			return Formats.isoDate(this.publishedAt);
		}

		public String duration() {
			return Formats.duration(this.durationSeconds);
		}

	}

	/**
	 * Asked once per request (the URL filter, the page and its advice all ask), in the
	 * statement of the page stamp ({@link EpisodeStamp}); without a transaction, which
	 * costs a cached page more than the statement.
	 */
	@Override
	@Transactional(propagation = Propagation.SUPPORTS)
	public boolean library() {
		return this.stamps.library();
	}

	/** Asked for every episode link of a library's page: remembered (no transaction). */
	@Override
	@Transactional(propagation = Propagation.SUPPORTS)
	public String showSlug(String episodeSlug) {
		return this.showOfEpisode.showSlug(episodeSlug,
				(slug) -> this.jdbc
					.sql("select p.slug from episode e join podcast p on p.id = e.podcast_id where e.slug = ?")
					.param(slug)
					.query(String.class)
					.optional()
					.orElse(null));
	}

	/** A show as a list of episodes across shows names it. */
	public record ShowRef(long id, String slug, String title) {
	}

	/** The show of each of these episodes, by episode slug. */
	public Map<String, ShowRef> showsOf(Collection<String> episodeSlugs) {
		var shows = new HashMap<String, ShowRef>();
		if (episodeSlugs.isEmpty()) {
			return shows;
		}
		this.jdbc.sql("""
				select e.slug, p.id, p.slug as show_slug, p.title
				from episode e join podcast p on p.id = e.podcast_id where e.slug in (:slugs)""")
			.param("slugs", episodeSlugs)
			.query((rs, n) -> shows.put(rs.getString("slug"),
					new ShowRef(rs.getLong("id"), rs.getString("show_slug"), rs.getString("title"))))
			.list();
		return shows;
	}

	/**
	 * The visible shows (titled, not removed), oldest first, each with its newest
	 * episode.
	 */
	public List<ShowSummary> summaries() {
		return this.jdbc.sql("""
				select p.id, p.slug, p.title, p.image_url, p.author,
				       (select count(*) from episode c where c.podcast_id = p.id) as episodes,
				       n.slug as newest_slug, n.title as newest_title, n.published_at as newest_at
				from podcast p
				left join lateral (
				    select e.slug, e.title, e.published_at from episode e where e.podcast_id = p.id
				    order by e.published_at desc nulls last, e.id desc limit 1) n on true
				where p.title is not null and p.removed_at is null and p.slug is not null
				order by p.id""")
			.query((rs, n) -> new ShowSummary(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
					rs.getString("image_url"), rs.getString("author"), rs.getLong("episodes"),
					(rs.getString("newest_slug") != null) ? new EpisodeLink(rs.getString("newest_slug"),
							rs.getString("newest_title"), instant(rs, "newest_at")) : null))
			.list();
	}

	/** The {@code limit} newest episodes of every visible show, newest first. */
	public List<ShowEpisode> newest(int limit) {
		return this.jdbc.sql("""
				select e.slug, e.title, e.published_at, e.duration_seconds, p.slug as show_slug, p.title as show_title
				from episode e join podcast p on p.id = e.podcast_id
				where p.removed_at is null and p.slug is not null
				order by e.published_at desc nulls last, e.id desc
				limit ?""")
			.param(limit)
			.query((rs, n) -> new ShowEpisode(rs.getString("slug"), rs.getString("title"), instant(rs, "published_at"),
					(Integer) rs.getObject("duration_seconds"), rs.getString("show_slug"), rs.getString("show_title")))
			.list();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
