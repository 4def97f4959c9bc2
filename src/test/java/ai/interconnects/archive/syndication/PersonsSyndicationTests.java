package ai.interconnects.archive.syndication;

import ai.interconnects.archive.support.FormatsTestSupport;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The people an episode names in its structured data and in the archive feed. */
class PersonsSyndicationTests extends FormatsTestSupport {

	@Autowired
	JsonMapper json;

	@Test
	void theCastAreActorsAndTheCrewContributorsWithTheirRoles() throws Exception {
		restore("persons-feed.xml");

		var guest = jsonLd("/episodes/a-guest-joins");
		var channel = jsonLd("/episodes/channel-persons-only");

		assertThat(guest.get("actor").size()).isEqualTo(3);
		assertThat(guest.get("actor").get(1).toString())
			.isEqualTo("{\"@type\":\"PerformanceRole\",\"roleName\":\"guest\","
					+ "\"actor\":{\"@type\":\"Person\",\"name\":\"Grace Guest\",\"url\":\"https://grace.example/\","
					+ "\"image\":\"https://grace.example/me.png\"}}");
		assertThat(guest.has("contributor")).isFalse();
		assertThat(channel.get("contributor").get(0).toString()).isEqualTo(
				"{\"@type\":\"Role\",\"roleName\":\"producer\",\"contributor\":{\"@type\":\"Person\",\"name\":\"Pat Producer\"}}");
		// a name with markup stays inside its JSON string
		assertThat(body("/episodes/hostile-persons")).doesNotContain("Mallory <script>")
			.contains("Mallory \\u003cscript\\u003e");
	}

	@Test
	void theArchiveFeedNamesEachEpisodesPersons() throws Exception {
		restore("persons-feed.xml");

		var feed = Jsoup.parse(body("/feed.xml"), "", Parser.xmlParser());

		var item = feed.select("item")
			.stream()
			.filter((element) -> element.selectFirst("title").text().equals("A guest joins"))
			.findFirst()
			.orElseThrow();
		var persons = item.select("podcast|person");
		assertThat(persons.eachText()).containsExactly("Ada Host", "Grace Guest", "Quiet Listener");
		assertThat(persons.get(1).attr("role")).isEqualTo("guest");
		assertThat(persons.get(1).attr("group")).isEqualTo("cast");
		assertThat(persons.get(1).attr("href")).isEqualTo("https://grace.example/");
		assertThat(persons.get(1).attr("img")).isEqualTo("https://grace.example/me.png");
		assertThat(persons.get(2).hasAttr("href")).isFalse();
		assertThat(feed.select("item").stream().filter((element) -> element.select("podcast|person").isEmpty()))
			.isEmpty();
	}

	private tools.jackson.databind.JsonNode jsonLd(String path) throws Exception {
		var page = Jsoup.parse(body(path));
		return this.json.readTree(page.selectFirst("script[type=application/ld+json]").data());
	}

}
