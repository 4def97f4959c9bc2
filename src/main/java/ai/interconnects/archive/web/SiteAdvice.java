package ai.interconnects.archive.web;

import org.jsoup.Jsoup;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the {@link Site} in every page's model: one read of the podcast table (a row or
 * two), so a page shows the channel as the last poll stored it. Only for the site's own
 * controllers (not the actuator's endpoints), and a database that cannot answer gives the
 * default site rather than a failed page: the "temporarily unavailable" page still
 * renders.
 */
@ControllerAdvice(annotations = Controller.class)
class SiteAdvice {

	private final JdbcClient jdbc;

	SiteAdvice(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ModelAttribute("site")
	Site site() {
		try {
			return read();
		}
		catch (DataAccessException ex) {
			return Site.INTERCONNECTS;
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
			.query((rs, row) -> new Site(rs.getString("title"),
					(rs.getString("link") != null) ? rs.getString("link") : Site.INTERCONNECTS.showLink(),
					rs.getString("author"), plain(rs.getString("description")), rs.getString("image_url"),
					rs.getString("copyright")))
			.optional()
			.orElse(Site.INTERCONNECTS);
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
