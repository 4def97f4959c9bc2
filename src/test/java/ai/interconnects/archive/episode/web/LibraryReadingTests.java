package ai.interconnects.archive.episode.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;

import ai.interconnects.archive.support.PagesTestSupport;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library's reading lists: every chapter grouped by show and each show's own, each
 * show's list by year, the shows each speaker is heard on, and the error pages inside an
 * episode naming its show. With one show each stays as it is.
 */
class LibraryReadingTests extends PagesTestSupport {

	@Test
	void everyChapterOfALibraryIsGroupedByShowAndEachShowHasItsOwn() {
		twoShows("frontier-policy-substack.xml");
		var frontier = showSlug("Frontier Policy Hour");
		var interconnects = showSlug("Interconnects");
		var headings = new LinkedHashSet<String>();
		var path = "/chapters";
		var pages = 0;
		while (path != null && pages++ < 20) {
			var page = html(path);
			assertThat(page.select(".page-chapters > .year")).isEmpty();
			for (var group : page.select(".show-chapters")) {
				var heading = group.select(".show-chapters-heading a").first();
				headings.add(heading.text());
				var show = heading.attr("href");
				assertThat(show).isIn("/shows/" + frontier, "/shows/" + interconnects);
				assertThat(group.select(".show-chapters-all a").attr("href")).isEqualTo(show + "/chapters");
				assertThat(group.select(".chapter-group h4 a").eachAttr("href")).isNotEmpty()
					.allMatch((href) -> href.startsWith(show + "/episodes/"));
			}
			var next = page.select("a[rel=next]");
			path = next.isEmpty() ? null : next.attr("href");
		}
		assertThat(headings).containsExactly("Interconnects", "Frontier Policy Hour");

		var own = html("/shows/" + frontier + "/chapters");
		assertThat(own.title()).isEqualTo("Every chapter of Frontier Policy Hour · Podcast library");
		assertThat(own.select("h1").text()).isEqualTo("Every chapter of Frontier Policy Hour");
		assertThat(own.select(".show-chapters")).isEmpty();
		assertThat(own.select(".chapter-group h3 a").eachText())
			.contains("Dean Ball on state laws and the federal preemption fight");
		assertThat(own.select(".chapter-group h3 a").eachAttr("href"))
			.allMatch((href) -> href.startsWith("/shows/" + frontier + "/episodes/"));
		assertThat(own.select(".chapter-link").eachText()).contains("Why the states moved first");
		assertThat(html("/shows/" + frontier).select(".view-switch a").eachAttr("href"))
			.contains("/shows/" + frontier + "/chapters");
		assertThat(fetch("/shows/no-such-show/chapters").statusCode()).isEqualTo(404);
	}

	@Test
	void eachShowOfALibraryHasItsOwnListByYear() {
		twoShows("frontier-policy-substack.xml");
		var frontier = showSlug("Frontier Policy Hour");
		assertThat(location("/?view=list")).isEqualTo("/shows/" + showSlug("Interconnects") + "?view=list");
		var list = html("/shows/" + frontier + "?view=list");
		assertThat(list.title()).isEqualTo("Frontier Policy Hour: every episode, by year · Podcast library");
		assertThat(list.select("h1").text()).isEqualTo("Every Frontier Policy Hour episode");
		assertThat(list.select(".episode-row-title")).hasSize(3);
		assertThat(list.select(".episode-row-title").eachAttr("href"))
			.allMatch((href) -> href.startsWith("/shows/" + frontier + "/episodes/"));
		assertThat(list.select(".view-switch a[aria-current=page]").text()).isEqualTo("List by year");
		assertThat(html("/shows/" + frontier).select(".view-switch a").eachAttr("href"))
			.contains("/shows/" + frontier + "?view=list");
	}

	@Test
	void withOneShowTheShowFormsOfTheListsMoveToTodaysUrls() {
		ingestFixture();
		var slug = showSlug("Interconnects");
		assertThat(location("/shows/" + slug + "/chapters")).endsWith("/chapters");
		assertThat(location("/shows/" + slug + "/chapters?page=2")).endsWith("/chapters?page=2");
		assertThat(location("/shows/" + slug + "?view=list")).endsWith("/?view=list");
		var chapters = html("/chapters");
		assertThat(chapters.select(".show-chapters, .show-nav")).isEmpty();
		assertThat(chapters.select("h1").text()).isEqualTo("Every chapter");
		assertThat(html("/?view=list").select("h1").text()).isEqualTo("Every Interconnects episode");
		var speakers = html("/speakers");
		assertThat(speakers.select(".speaker-shows, .speaker-list-library")).isEmpty();
	}

	@Test
	void theListOfSpeakersSaysOnWhichShowsEachIsHeardOrCredited() {
		twoShows("open-source-hour-p20.xml");
		var speakers = html("/speakers");
		var dean = speakers.select(".speaker-list li:has(a[href=/speakers/dean-ball])").first();
		assertThat(dean.select(".speaker-shows a").eachText()).containsExactly("Interconnects", "The Open Source Hour");
		assertThat(dean.select(".speaker-shows a").eachAttr("href"))
			.contains("/shows/" + showSlug("The Open Source Hour"));
		// credited by podcast:person only
		var ada = speakers.select(".speaker-list li:has(a[href=/speakers/ada-mensah])").first();
		assertThat(ada.select(".speaker-shows a").eachText()).containsExactly("The Open Source Hour");
		var page = html("/speakers/ada-mensah");
		var groups = page.select(".show-group");
		assertThat(groups).hasSize(1);
		assertThat(groups.get(0).select(".show-heading").text()).isEqualTo("The Open Source Hour");
		assertThat(groups.get(0).select(".episode-row-title").attr("href"))
			.startsWith("/shows/" + showSlug("The Open Source Hour") + "/episodes/");
	}

	@Test
	void aMissingChapterOrTranscriptInsideAnEpisodeNamesItsShow() {
		twoShows("gradient-ascent-libsyn.xml");
		var show = showSlug("Gradient Ascent");
		var slug = this.jdbc
			.sql("select e.slug from episode e join podcast p on p.id = e.podcast_id where p.title = ? order by e.id")
			.param("Gradient Ascent")
			.query(String.class)
			.list()
			.get(0);
		var paths = new ArrayList<String>();
		paths.add("/shows/" + show + "/episodes/" + slug + "/chapters/99");
		paths.add("/shows/" + show + "/episodes/" + slug + "/transcript.vtt");
		for (var path : paths) {
			var response = fetch(path, "Accept", "text/html");
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			var page = Jsoup.parse(response.body(), url(path));
			assertThat(page.title()).as(path).isEqualTo("Not found · Gradient Ascent");
			assertThat(page.select(".site-show").text()).as(path).isEqualTo("Gradient Ascent");
			assertThat(page.select(".site-show").attr("href")).isEqualTo("/shows/" + show);
			assertThat(page.select(".episode-actions a").eachAttr("href")).containsExactly("/shows/" + show,
					"/shows/" + show + "/chapters");
			assertThat(response.body()).as(path).doesNotContainIgnoringCase("interconnects");
		}
		// an episode that is not there has no show to name
		var missing = fetch("/shows/" + show + "/episodes/no-such-episode/chapters/1", "Accept", "text/html");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(Jsoup.parse(missing.body()).select(".site-show")).isEmpty();
	}

	@Test
	void withOneShowAMissingChapterReadsAsToday() {
		ingestFixture();
		var response = fetch("/episodes/" + DEAN_BALL + "/chapters/99", "Accept", "text/html");
		assertThat(response.statusCode()).isEqualTo(404);
		var page = Jsoup.parse(response.body());
		assertThat(page.title()).startsWith("Not found · ").doesNotContain("Podcast library");
		assertThat(page.select(".site-show")).isEmpty();
		assertThat(page.select(".episode-actions a").first().attr("href")).isEqualTo("/");
	}

}
