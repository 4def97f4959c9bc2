package ai.interconnects.archive.episode.web;

import java.nio.charset.StandardCharsets;

import ai.interconnects.archive.support.PagesTestSupport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The feed's {@code podcast:person} tags on the pages: the episode header credits, the
 * speaker list and pages.
 */
class PersonPagesTests extends PagesTestSupport {

	@Test
	void theEpisodeHeaderCreditsHostsAndGuestsWithTheirLinksAndHttpsPictures() throws Exception {
		restore("persons-feed.xml");

		var people = page("/episodes/a-guest-joins").selectFirst(".episode-header .episode-people");

		assertThat(people.text()).isEqualTo("Host: Ada Host · Guests: Grace Guest, Quiet Listener");
		assertThat(people.select("a").eachAttr("href")).containsExactly("https://peopletalk.example/ada",
				"https://grace.example/");
		assertThat(people.select("a").eachAttr("rel")).containsOnly("nofollow noopener ugc");
		assertThat(people.select("img").eachAttr("src")).containsExactly("https://grace.example/me.png");
		assertThat(people.selectFirst("img").attr("width")).isEqualTo("20");
	}

	@Test
	void otherRolesFollowTheCastAndHostileValuesStayText() throws Exception {
		restore("persons-feed.xml");

		assertThat(page("/episodes/channel-persons-only").selectFirst(".episode-people").text())
			.isEqualTo("Host: Ada Host · Producer: Pat Producer");
		var hostile = page("/episodes/hostile-persons").selectFirst(".episode-people");
		assertThat(hostile.text()).startsWith("Host: Eve Evil · Guests: Mallory <script>, Long");
		assertThat(hostile.select("a, img, script")).isEmpty();
	}

	@Test
	void anEpisodeWithoutPersonsHasNoCredits() throws Exception {
		ingestFixture();

		assertThat(page("/episodes/" + DEAN_BALL).select(".episode-people")).isEmpty();
	}

	@Test
	void aNamedSpeakerGetsTheirRoleAndLinkAndAPersonNoTranscriptQuotesIsListed() throws Exception {
		restore("persons-feed.xml");

		var items = page("/speakers").select(".speaker-list li");

		assertThat(items.eachText()).contains("Ada Host Host · 2 episodes · 3 turns",
				"Grace Guest Guest · 1 episode · 1 turn", "Pat Producer Producer · 1 episode",
				"Ola Oldns Guest · 1 episode");
		assertThat(items.select("a").eachAttr("href")).contains("/speakers/ola-oldns", "/speakers/ada-host");
	}

	@Test
	void aPersonWhoseNameDiffersOnlyInAccentsDoesNotTakeTheSpeakersPage() throws Exception {
		restore("persons-feed.xml");
		// a credit spelled with an accent, on every episode
		this.jdbc
			.sql("insert into episode_person (episode_id, position, name, role, person_group) "
					+ "select id, 99, 'Adá Host', 'guest', 'cast' from episode")
			.update();

		var list = page("/speakers");
		var ada = page("/speakers/ada-host");

		assertThat(list.select(".speaker-list a[href=/speakers/ada-host]")).hasSize(1);
		assertThat(ada.selectFirst("h1").text()).isEqualTo("Ada Host");
		assertThat(ada.select(".speaker-episode .episode-row-meta a")).isNotEmpty();
		assertThat(ada.select("form.speaker-search")).isNotEmpty();
	}

	@Test
	void aSpeakersPageShowsTheirRoleLinkAndEveryEpisodeThatNamesThem() throws Exception {
		restore("persons-feed.xml");

		var grace = page("/speakers/grace-guest");
		assertThat(grace.selectFirst(".speaker-credit").text()).isEqualTo("Guest · grace.example");
		assertThat(grace.selectFirst(".speaker-credit a").attr("rel")).isEqualTo("nofollow noopener ugc");
		assertThat(grace.select(".speaker-episode").eachText())
			.containsExactly("9 March 2026 " + "A guest joins Guest · 1 turn");

		var pat = page("/speakers/pat-producer");
		assertThat(pat.selectFirst(".lede").text()).isEqualTo("Credited in 1 episode; no transcript here quotes them.");
		assertThat(pat.select("form.speaker-search")).isEmpty();
		assertThat(pat.select(".speaker-episode a.episode-row-title").eachAttr("href"))
			.containsExactly("/episodes/channel-persons-only");
		assertThat(pat.select(".speaker-episode").text()).contains("no turns in a transcript");
		assertThat(pat.select(".speaker-quote")).isEmpty();
	}

	private Document page(String path) throws Exception {
		var response = this.mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8), "http://localhost/");
	}

}
