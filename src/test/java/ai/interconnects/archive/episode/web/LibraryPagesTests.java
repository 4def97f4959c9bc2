package ai.interconnects.archive.episode.web;

import java.util.ArrayList;
import java.util.List;

import ai.interconnects.archive.support.LibraryShows;
import ai.interconnects.archive.support.PagesTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library's pages: Interconnects and another show in one archive (added through the
 * real poll, {@link LibraryShows}), read through the real server.
 */
class LibraryPagesTests extends PagesTestSupport {

	private List<String> episodeSlugs(String showTitle) {
		return this.jdbc
			.sql("select e.slug from episode e join podcast p on p.id = e.podcast_id where p.title = ? order by e.id")
			.param(showTitle)
			.query(String.class)
			.list();
	}

	@Test
	void homeOfALibraryListsEveryShowWithItsCountAndNewestEpisodeThenTheNewestEpisodesNamingTheirShow() {
		twoShows("frontier-policy-substack.xml");
		var home = html("/");
		assertThat(home.title()).isEqualTo("Podcast library: every show, episode and transcript");
		assertThat(home.select(".site-title").text()).contains("Podcast library");
		var shows = home.select(".show-card");
		assertThat(shows.eachText()).hasSize(2);
		assertThat(shows.get(0).select(".show-card-title").text()).isEqualTo("Interconnects");
		assertThat(shows.get(0).text()).contains("11 episodes");
		assertThat(shows.get(1).select(".show-card-title").text()).isEqualTo("Frontier Policy Hour");
		assertThat(shows.get(1).text()).contains("3 episodes",
				"Newest: Dean Ball on state laws and the federal preemption fight");
		assertThat(shows.get(1).select(".show-card-title a").attr("href"))
			.isEqualTo("/shows/" + showSlug("Frontier Policy Hour"));
		var newest = home.select(".newest-rows li");
		assertThat(newest).isNotEmpty();
		for (var row : newest) {
			assertThat(row.select(".episode-row-show").text()).isIn("Interconnects", "Frontier Policy Hour");
			assertThat(row.select(".episode-row-title").attr("href")).startsWith("/shows/");
		}
		assertThat(html("/shows").select(".show-card-title").eachText()).containsExactly("Interconnects",
				"Frontier Policy Hour");
	}

	@Test
	void eachShowHasItsOwnPagedArchiveWithASearchBoxScopedToIt() {
		twoShows("frontier-policy-substack.xml");
		var interconnects = showSlug("Interconnects");
		var page = html("/shows/" + interconnects);
		assertThat(page.select("h1").text()).isEqualTo("Every Interconnects episode");
		assertThat(page.select(".episode-card")).hasSize(4);
		assertThat(page.select(".pagination-status").text()).isEqualTo("Page 1 of 3");
		assertThat(page.select("a[rel=next]").attr("href")).isEqualTo("/shows/" + interconnects + "?page=2");
		assertThat(html("/shows/" + interconnects + "?page=3").select(".episode-card")).hasSize(3);
		var form = page.select("form.show-search").first();
		assertThat(form.attr("action")).isEqualTo("/search");
		assertThat(form.select("input[type=hidden][name=show]").val()).isEqualTo(interconnects);
		var frontier = html("/shows/" + showSlug("Frontier Policy Hour"));
		assertThat(frontier.select(".episode-card-title").eachText()).hasSize(3)
			.contains("Nathan Lambert on who pays for open models");
		assertThat(frontier.select(".episode-card-title a").eachAttr("href"))
			.allMatch((href) -> href.startsWith("/shows/" + showSlug("Frontier Policy Hour") + "/episodes/"));
		assertThat(fetch("/shows/no-such-show").statusCode()).isEqualTo(404);
		assertThat(fetch("/shows/no-such-show").body()).contains("There is no such page here");
		assertThat(location("/?page=2")).isEqualTo("/shows/" + interconnects + "?page=2");
	}

	@Test
	void withOneShowItsShowPageAndShowFormOfEpisodeUrlsMoveToTodaysUrls() {
		ingestFixture();
		var slug = showSlug("Interconnects");
		assertThat(location("/shows/" + slug)).endsWith("/");
		assertThat(location("/shows/" + slug + "?page=2")).endsWith("/?page=2");
		assertThat(location("/shows/" + slug + "/episodes/" + DEAN_BALL + "/transcript?t=60"))
			.isEqualTo("/episodes/" + DEAN_BALL + "/transcript?t=60");
		assertThat(fetch("/shows/no-such-show").statusCode()).isEqualTo(404);
		assertThat(html("/shows").select(".show-card-title").eachText()).containsExactly("Interconnects");
		assertThat(html("/").select("h1").text()).isEqualTo("Every Interconnects episode");
	}

	@Test
	void inALibraryEveryEpisodeUrlOfTodayMovesUnderItsShowAndTheShowFormIsServed() {
		twoShows("frontier-policy-substack.xml");
		var interconnects = showSlug("Interconnects");
		var frontier = showSlug("Frontier Policy Hour");
		assertThat(location("/episodes/" + DEAN_BALL)).isEqualTo("/shows/" + interconnects + "/episodes/" + DEAN_BALL);
		assertThat(location("/episodes/" + DEAN_BALL + "/transcript?q=open"))
			.isEqualTo("/shows/" + interconnects + "/episodes/" + DEAN_BALL + "/transcript?q=open");
		assertThat(location("/shows/" + frontier + "/episodes/" + DEAN_BALL))
			.isEqualTo("/shows/" + interconnects + "/episodes/" + DEAN_BALL);
		// the same title on two shows: two slugs, each under its own show
		// Interconnects' first, then Frontier Policy Hour's (ids do not tell: restored
		// and
		// polled episodes take their ids from different allocators)
		var panic = this.jdbc
			.sql("select e.slug from episode e join podcast p on p.id = e.podcast_id "
					+ "where e.title = 'The distillation panic' order by p.title = 'Frontier Policy Hour'")
			.query(String.class)
			.list();
		assertThat(panic).hasSize(2).doesNotHaveDuplicates();
		assertThat(location("/episodes/" + panic.get(1))).isEqualTo("/shows/" + frontier + "/episodes/" + panic.get(1));
		var page = html("/shows/" + frontier + "/episodes/" + panic.get(1));
		assertThat(page.title()).isEqualTo("The distillation panic · Frontier Policy Hour");
		assertThat(page.select(".site-show").text()).isEqualTo("Frontier Policy Hour");
		assertThat(page.select(".site-show").attr("href")).isEqualTo("/shows/" + frontier);
		assertThat(page.select("link[rel=canonical]").attr("href"))
			.endsWith("/shows/" + frontier + "/episodes/" + panic.get(1));
		var jsonLd = page.select("script[type=application/ld+json]").html();
		assertThat(jsonLd).contains("\"partOfSeries\"", "\"name\":\"Frontier Policy Hour\"",
				"/shows/" + frontier + "\"");
		assertThat(html("/shows/" + frontier + "/episodes/" + panic.get(1) + "/transcript").title())
			.isEqualTo("Transcript: The distillation panic · Frontier Policy Hour");
		assertThat(fetch("/shows/" + frontier + "/episodes/no-such-episode").statusCode()).isEqualTo(404);
	}

	@Test
	void noPageOfAnotherShowSaysInterconnects() {
		twoShows("gradient-ascent-libsyn.xml");
		var show = showSlug("Gradient Ascent");
		var pages = new ArrayList<String>(List.of("/shows/" + show));
		for (var slug : episodeSlugs("Gradient Ascent")) {
			var base = "/shows/" + show + "/episodes/" + slug;
			pages.add(base);
			pages.add(base + "/transcript");
			var chapters = this.jdbc
				.sql("select count(*) from chapter c join episode e on e.id = c.episode_id where e.slug = ?")
				.param(slug)
				.query(Integer.class)
				.single();
			for (int n = 1; n <= chapters; n++) {
				pages.add(base + "/chapters/" + n);
			}
		}
		assertThat(pages).hasSizeGreaterThan(5);
		for (var path : pages) {
			var response = fetch(path);
			assertThat(response.statusCode()).as(path).isIn(200, 404);
			assertThat(response.body()).as(path).doesNotContainIgnoringCase("interconnects");
		}
	}

	@Test
	void aSpeakersPageSpansEveryShowGroupedByShow() {
		twoShows("frontier-policy-substack.xml");
		var page = html("/speakers/dean-ball");
		var groups = page.select(".show-group");
		assertThat(groups.eachText()).hasSize(2);
		assertThat(groups.get(0).select(".show-heading").text()).isEqualTo("Interconnects");
		assertThat(groups.get(1).select(".show-heading").text()).isEqualTo("Frontier Policy Hour");
		assertThat(groups.get(1).select(".episode-row-title").eachText())
			.contains("Dean Ball on state laws and the federal preemption fight");
		assertThat(groups.get(1).select(".episode-row-title").attr("href"))
			.startsWith("/shows/" + showSlug("Frontier Policy Hour") + "/episodes/");
		assertThat(html("/speakers").text()).contains("Dean Ball", "Miriam Okafor");
	}

}
