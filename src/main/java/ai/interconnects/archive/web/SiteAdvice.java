package ai.interconnects.archive.web;

import org.jsoup.Jsoup;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the {@link Site} in every page's model: one read of the podcast table (a row or
 * two, by primary key order), so a page shows the channel as the last poll stored it.
 */
@ControllerAdvice
class SiteAdvice {

	private final JdbcClient jdbc;

	SiteAdvice(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ModelAttribute("site")
	Site site() {
		// the show most recently read successfully: the configured feed (a feed URL
		// changed
		// by the operator leaves the old row behind)
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
