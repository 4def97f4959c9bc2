package ai.interconnects.archive.show;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code podcast} rows as a backup carries them: the export reads every show here,
 * and the import finds or creates the show a backup's line names. An import never changes
 * what a show's feed said of it: it only fills what the archive does not know yet (a show
 * not read yet, a slug not given yet).
 */
@Component
public class ShowRows {

	private static final String COLUMNS = "id, slug, title, feed_url, configured_url, link, image_url, author, "
			+ "description, copyright, language, show_type, origin";

	private final JdbcClient jdbc;

	ShowRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A show as the export writes it; {@code origin} is where it came from in the archive
	 * that wrote it.
	 */
	public record ShowRow(String slug, String title, String feedUrl, String configuredUrl, String link, String imageUrl,
			String author, String description, String copyright, String language, String showType, String origin) {

		/** The show of an old export's episode line: only its feed is known. */
		public static ShowRow ofFeed(String feedUrl) {
			return new ShowRow(null, null, feedUrl, feedUrl, null, null, null, null, null, null, null, null);
		}

	}

	/** What the import did with a show line: the row it is, and whether it was new. */
	public record Resolved(long id, boolean created, boolean restored) {
	}

	/** Every show by id, oldest first. */
	@Transactional(readOnly = true)
	public Map<Long, ShowRow> all() {
		var rows = new LinkedHashMap<Long, ShowRow>();
		this.jdbc.sql("select " + COLUMNS + " from podcast order by id")
			.query((rs, n) -> rows.put(rs.getLong("id"), row(rs)))
			.list();
		return rows;
	}

	/**
	 * The show {@code row} is here: the one with its feed (configured or current), else
	 * the one with its slug, else a new one (origin {@code IMPORT}, polled like any
	 * other). A removed show an import names is restored: the import is an operator's
	 * explicit action, like the admin form.
	 */
	@Transactional
	public Resolved resolve(ShowRow row, Instant now) {
		if (row.configuredUrl() == null && row.feedUrl() == null) {
			throw new IllegalArgumentException("the show has no feed URL");
		}
		var configured = (row.configuredUrl() != null) ? row.configuredUrl() : row.feedUrl();
		var feed = (row.feedUrl() != null) ? row.feedUrl() : configured;
		var found = this.jdbc.sql("""
				select id, removed_at is not null as removed from podcast
				where configured_url in (:configured, :feed) or feed_url in (:configured, :feed)
				   or (cast(:slug as text) is not null and slug = cast(:slug as text))
				order by (configured_url in (:configured, :feed) or feed_url in (:configured, :feed)) desc, id
				limit 1""")
			.param("configured", configured)
			.param("feed", feed)
			.param("slug", row.slug())
			.query((rs, n) -> new Resolved(rs.getLong("id"), false, rs.getBoolean("removed")))
			.optional();
		var at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		if (found.isPresent()) {
			fill(found.get().id(), row, at);
			return found.get();
		}
		long id = this.jdbc.sql("""
				insert into podcast (configured_url, feed_url, title, link, image_url, author, description, copyright,
					language, show_type, origin, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'IMPORT', ?, ?) returning id""")
			.params(configured, feed, row.title(), row.link(), row.imageUrl(), row.author(), row.description(),
					row.copyright(), row.language(), row.showType(), at, at)
			.query(Long.class)
			.single();
		fill(id, row, at);
		return new Resolved(id, true, false);
	}

	/** Fills what the show's row lacks and restores it if it was removed. */
	private void fill(long id, ShowRow row, OffsetDateTime at) {
		this.jdbc.sql("""
				update podcast set title = coalesce(title, :title), link = coalesce(link, :link),
					image_url = coalesce(image_url, :image), author = coalesce(author, :author),
					description = coalesce(description, :description), copyright = coalesce(copyright, :copyright),
					language = coalesce(language, :language), show_type = coalesce(show_type, :showType),
					removed_at = null, updated_at = :at
				where id = :id""")
			.param("title", row.title())
			.param("link", row.link())
			.param("image", row.imageUrl())
			.param("author", row.author())
			.param("description", row.description())
			.param("copyright", row.copyright())
			.param("language", row.language())
			.param("showType", row.showType())
			.param("at", at)
			.param("id", id)
			.update();
		if (row.slug() != null) {
			// the backup's slug where it is free, else the episode rule's -2, -3 …
			this.jdbc.sql("""
					update podcast set slug = (select candidate from (
						select cast(:slug as text) as candidate, 1 as n
						union all select :slug || '-' || g, g from generate_series(2, 1000) g) c
						where not exists (select 1 from podcast p where p.slug = c.candidate) order by n limit 1)
					where id = :id and slug is null""").param("slug", row.slug()).param("id", id).update();
		}
	}

	private static ShowRow row(ResultSet rs) throws SQLException {
		return new ShowRow(rs.getString("slug"), rs.getString("title"), rs.getString("feed_url"),
				rs.getString("configured_url"), rs.getString("link"), rs.getString("image_url"), rs.getString("author"),
				rs.getString("description"), rs.getString("copyright"), rs.getString("language"),
				rs.getString("show_type"), rs.getString("origin"));
	}

}
