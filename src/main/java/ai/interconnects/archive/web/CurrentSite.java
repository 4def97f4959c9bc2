package ai.interconnects.archive.web;

import org.jsoup.Jsoup;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
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

	private final SiteSource source;

	private final Site fallback;

	private final ObjectProvider<ShowOfEpisode> shows;

	private final String name;

	private volatile Site current;

	/**
	 * @param siteBeforeFirstPoll what the site is called until a poll has read the feed's
	 * channel (the feed configuration knows whether it is the default show)
	 */
	CurrentSite(SiteSource source, Site siteBeforeFirstPoll, ObjectProvider<ShowOfEpisode> shows,
			SiteProperties properties) {
		this.source = source;
		this.shows = shows;
		this.name = properties.name();
		this.fallback = siteBeforeFirstPoll.named(this.name);
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
		catch (DataAccessException | TransactionException ex) {
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
		catch (DataAccessException | TransactionException ex) {
			// the first page will say so
		}
	}

	private Site read() {
		var shows = this.shows.getIfAvailable();
		if (shows != null && shows.library()) {
			// a library is named for none of its shows
			return Site.library((this.name != null && !this.name.isBlank()) ? this.name.strip() : Site.LIBRARY_NAME);
		}
		return this.source.read()
			.map((site) -> new Site(site.showTitle(), link(site.showLink()), site.author(), plain(site.description()),
					site.imageUrl(), site.copyright())
				.named(this.name))
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
