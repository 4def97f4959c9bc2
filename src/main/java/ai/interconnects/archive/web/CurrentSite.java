package ai.interconnects.archive.web;

import org.jsoup.Jsoup;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@link Site} as the last poll stored the feed's channel, and the last one read: the
 * pages read it afresh ({@link #refresh()}, one small query), while what must answer
 * without the database (Tomcat's own error page, the "temporarily unavailable" page)
 * takes the last one read ({@link #get()}). Read once at start-up, so even the first
 * error page names the show.
 */
@Component
public class CurrentSite {

	private final JdbcClient jdbc;

	private final Site fallback;

	private volatile Site current;

	/**
	 * @param siteBeforeFirstPoll what the site is called until a poll has read the feed's
	 * channel (the feed configuration knows whether it is the default show)
	 */
	CurrentSite(JdbcClient jdbc, Site siteBeforeFirstPoll) {
		this.jdbc = jdbc;
		this.fallback = siteBeforeFirstPoll;
		this.current = this.fallback;
	}

	/** The site as last read: never touches the database. */
	public Site get() {
		return this.current;
	}

	/**
	 * Reads the site and keeps it; a query that fails gives the last one read rather than
	 * a failed page. A database that cannot be reached at all is not hidden: the page
	 * would wait for it again at its next query.
	 */
	public Site refresh() {
		try {
			var site = read();
			this.current = site;
			return site;
		}
		catch (DataAccessException ex) {
			if (DatabaseFailures.unreachable(ex)) {
				throw ex;
			}
			return this.current;
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		try {
			refresh();
		}
		catch (DataAccessException ex) {
			// the first page will say so
		}
	}

	/**
	 * The show most recently read successfully: the configured feed (a feed URL the
	 * operator changed leaves the old row behind).
	 */
	private Site read() {
		return this.jdbc.sql("""
				select title, link, author, description, image_url, copyright from podcast
				where title is not null
				order by last_success_at desc nulls last, id desc
				limit 1
				""")
			.query((rs, row) -> new Site(rs.getString("title"), link(rs.getString("link")), rs.getString("author"),
					plain(rs.getString("description")), rs.getString("image_url"), rs.getString("copyright")))
			.optional()
			.orElse(this.fallback);
	}

	/**
	 * The show's page, when its feed names one; another show never links Interconnects.
	 */
	private String link(String link) {
		return (link != null) ? link : this.fallback.showLink();
	}

	/** Channel descriptions may be HTML: the site shows their text. */
	private static String plain(String description) {
		if (description == null || description.isBlank()) {
			return null;
		}
		var text = Jsoup.parse(description).text().strip();
		return text.isEmpty() ? null : text;
	}

}
