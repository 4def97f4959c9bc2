package ai.interconnects.archive.search;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import ai.interconnects.archive.api.ArchiveImporter;
import ai.interconnects.archive.episode.ImportedEpisodes;
import ai.interconnects.archive.show.ShowRows;
import ai.interconnects.archive.support.ArchiveContents;
import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.FeedServerExtension;
import ai.interconnects.archive.support.FixtureArchive;
import ai.interconnects.archive.support.TestArchive;
import ai.interconnects.archive.support.WithFeedServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search over the fixture feed's archive (11 episodes, restored from its backup; the Dean
 * Ball episode has chapters and a speaker-labelled transcript) plus one made-up episode
 * whose transcript holds HTML-like text and an untimed continuation paragraph. Everything
 * goes through HTTP, the way a reader uses it.
 */
@WithFeedServer
@ArchiveTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTests {

	static final FeedServer server = FeedServerExtension.server();

	static final String DEAN_BALL = "/episodes/dean-ball-on-open-models-and-government-control";

	@LocalServerPort
	int port;

	@Autowired
	ArchiveImporter importer;

	@Autowired
	ShowRows shows;

	@Autowired
	ImportedEpisodes episodes;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SearchVocabulary vocabulary;

	@Autowired
	SearchService search;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	void ingestFixture() {
		var feed = server.url("/feed.xml").toString();
		FixtureArchive.restore(this.jdbc, this.importer, feed, "interconnects-feed.xml");
		// one more episode: a transcript with HTML-like text and an untimed continuation
		new TestArchive(this.shows, this.episodes, this.transactions, this.jdbc).show("Interconnects", feed)
			.episode("Zebrafish and quokka hour")
			.guid("test:zebrafish")
			.publishedAt("2026-03-17T10:00:00Z")
			.notes("<p>Notes about zebrafish &amp; friends.</p>")
			.segment(10, "Nathan Lambert", "Welcome to the hour about the zebrafish.")
			.segment(65, "Guest Speaker",
					"I pasted <script>alert(1)</script> into my zebrafish notes, <b>bold</b> of me.")
			.segment(null, "Guest Speaker", "Then the quokka continued the thought for a while.")
			.store();
		assertThat(this.jdbc.sql("select count(*) from episode").query(Long.class).single()).isEqualTo(12);
		assertThat(this.vocabulary.refreshIfStale()).isTrue();
	}

	@Test
	void aWordFromTheTranscriptLandsOnTheMomentItWasSaid() throws Exception {
		var page = get("q=tariffs");

		var episodes = page.select(".search-episode");
		assertThat(episodes).hasSize(1);
		assertThat(episodes.get(0).selectFirst("h2 a").attr("href")).isEqualTo(DEAN_BALL);
		var moment = episodes.get(0).selectFirst(".search-moment");
		assertThat(moment.selectFirst(".search-moment-meta").text()).contains("Dean Ball").contains("7:53");
		// two links a moment: its time plays it, "Read in transcript" opens its words
		assertThat(links(moment)).containsExactly(DEAN_BALL + "?t=473",
				DEAN_BALL + "/transcript?q=tariffs&t=473#t-473");
		assertThat(moment.selectFirst(".search-excerpt mark").text()).isEqualToIgnoringCase("tariffs");
	}

	@Test
	void aChapterTitleMatchShowsAsChapterAndOpensAtItsStart() throws Exception {
		// English stemming makes "financializing" 'financi', which "financial" shares
		var page = get("q=financializing");

		var dean = page.select(".search-episode")
			.stream()
			.filter((e) -> e.selectFirst("h2 a").attr("href").equals(DEAN_BALL))
			.findFirst()
			.orElseThrow();
		var chapter = dean.selectFirst(".search-moment-chapter");
		assertThat(chapter.text()).contains("Chapter").contains("28:20");
		assertThat(links(chapter)).contains(DEAN_BALL + "?t=1700");
		assertThat(dean.select(".search-moment-segment").stream().map(SearchTests::links))
			.anyMatch((links) -> links.contains(DEAN_BALL + "?t=1966")
					&& links.contains(DEAN_BALL + "/transcript?q=financializing&t=1966#t-1966"));
	}

	@Test
	void anUntimedContinuationOpensAtTheNearestEarlierTimestamp() throws Exception {
		var page = get("q=quokka");

		var moment = page.selectFirst(".search-moment-segment");
		assertThat(links(moment)).contains("/episodes/zebrafish-and-quokka-hour?t=65",
				"/episodes/zebrafish-and-quokka-hour/transcript?q=quokka&t=65#p-2");
	}

	@Test
	void phraseSearchMatchesTheWordsInOrderOnly() throws Exception {
		var phrase = get("q=" + enc("\"labeled a supply chain risk\""));
		assertThat(phrase.select(".search-moment-segment .search-time").eachText()).containsExactly("27:11");
		assertThat(phrase.select(".search-moment-segment a").eachAttr("href")).contains(DEAN_BALL + "?t=1631");
		assertThat(get("q=" + enc("\"risk chain supply\"")).select(".search-episode")).isEmpty();
		var words = get("q=" + enc("risk chain supply"));
		assertThat(words.select(".search-episode")).isNotEmpty();
		// words that rarely meet are counted exactly (README "Search", Counts)
		assertThat(words.selectFirst(".search-status").text()).doesNotContain("about");
		assertThat(get("q=tariffs").selectFirst(".search-status").text()).doesNotContain("about")
			.endsWith("in 1 episode.");
	}

	@Test
	void excludedWordsRemoveTheMomentsThatContainThem() throws Exception {
		// the only segment saying "tariffs" also says "Nvidia"
		assertThat(get("q=" + enc("tariffs -nvidia")).select(".search-episode")).isEmpty();
		assertThat(get("q=" + enc("tariffs -openai")).select(".search-episode")).hasSize(1);
	}

	@Test
	void orMatchesEitherWord() throws Exception {
		var page = get("q=" + enc("tariffs or quokka"));
		assertThat(page.select(".search-episode h2 a").eachAttr("href")).containsExactlyInAnyOrder(DEAN_BALL,
				"/episodes/zebrafish-and-quokka-hour");
	}

	@Test
	void theSpeakerFilterKeepsThatSpeakersMomentsOnly() throws Exception {
		var all = get("q=anthropic");
		var deanOnly = get("q=anthropic&speaker=" + enc("dean ball"));

		var deanEpisode = deanOnly.select(".search-episode");
		assertThat(deanEpisode).hasSize(1);
		assertThat(deanEpisode.get(0).selectFirst(".search-episode-meta").text()).contains("3 matching moments");
		assertThat(deanOnly.select(".search-moment-meta").eachText()).allMatch((t) -> t.startsWith("Dean Ball"));
		// the three moments, best first (see README "Search": moments are ordered by
		// relevance)
		assertThat(deanOnly.select(".search-time").eachText()).containsExactlyInAnyOrder("7:53", "20:07", "29:08");
		assertThat(all.select(".search-episode").size()).isGreaterThan(1);
	}

	@Test
	void theDateRangeKeepsEpisodesPublishedInIt() throws Exception {
		var all = get("q=anthropic");
		var onDay = get("q=anthropic&from=2026-03-17&to=2026-03-17");
		var dates = all.select(".search-episode time").eachText();

		assertThat(dates.size()).isGreaterThan(1);
		assertThat(onDay.select(".search-episode time").eachText()).allMatch("2026-03-17"::equals);
		assertThat(onDay.select(".search-episode").size()).isLessThan(all.select(".search-episode").size());
	}

	@Test
	void aTitleMatchOutranksPassingMentions() throws Exception {
		var titles = get("q=distillation").select(".search-episode h2 a").eachText();

		assertThat(titles.size()).isGreaterThan(3);
		assertThat(titles.get(0)).containsIgnoringCase("distil");
		assertThat(titles.get(1)).containsIgnoringCase("distil");
		assertThat(titles.subList(2, titles.size())).noneMatch((t) -> t.toLowerCase().contains("distil"));
	}

	@Test
	void newestFirstOrdersEpisodesByDate() throws Exception {
		var dates = get("q=distillation&sort=newest").select(".search-episode time").eachAttr("datetime");

		assertThat(dates).isSortedAccordingTo((a, b) -> b.compareTo(a));
		assertThat(dates.size()).isGreaterThan(3);
	}

	@Test
	void englishStemmingMakesDistilledFindDistillation() throws Exception {
		// Snowball English reduces both to 'distil'. "Claude Mythos…" says
		// "distillation" but never "distilled".
		var titles = get("q=distilled").select(".search-episode h2 a").eachText();
		assertThat(titles).anyMatch((t) -> t.startsWith("Claude Mythos"));
		assertThat(get("q=distillation").select(".search-episode h2 a").eachText()).containsAll(titles);
	}

	@Test
	void excerptsAreEscapedAndHighlightTheTerm() throws Exception {
		var response = raw("q=zebrafish");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).doesNotContain("<script>alert").doesNotContain("<b>bold");
		var page = Jsoup.parse(response.body());
		var excerpts = page.select(".search-excerpt");
		assertThat(excerpts).isNotEmpty();
		for (var excerpt : excerpts) {
			assertThat(excerpt.select("mark")).isNotEmpty();
			assertThat(excerpt.select("mark").eachText()).allMatch("zebrafish"::equalsIgnoreCase);
			assertThat(excerpt.children()).allMatch((child) -> child.tagName().equals("mark"));
		}
		assertThat(page.select(".search-moment-notes .search-excerpt").text()).contains("zebrafish & friends");

		var html = raw("q=pasted").body();
		assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>bold").contains("<mark>pasted</mark>");
		var speech = Jsoup.parse(html).selectFirst(".search-moment-segment .search-excerpt");
		assertThat(speech.text()).contains("pasted").contains("alert(1)").contains("zebrafish notes");
		assertThat(speech.children()).allMatch((child) -> child.tagName().equals("mark"));
	}

	@Test
	void paginationShowsTenEpisodesAPageAndClampsTheNumber() throws Exception {
		var first = get("q=models");
		var all = Integer.parseInt(first.selectFirst(".search-status span:nth-of-type(3)").text());
		assertThat(all).isGreaterThan(10);
		assertThat(first.select(".search-episode")).hasSize(10);
		var second = get("q=models&page=2");
		assertThat(second.select(".search-episode")).hasSize(all - 10);
		assertThat(second.selectFirst(".search-pages").text()).contains("Page 2 of 2");
		assertThat(get("q=models&page=99999").selectFirst(".search-pages").text()).contains("Page 2 of 2");
		assertThat(get("q=models&page=-1").selectFirst(".search-pages").text()).contains("Page 1 of 2");
		assertThat(get("q=models&page=abc").select(".search-episode")).hasSize(10);
	}

	@Test
	void noResultsSaySoAndSuggestArchiveWords() throws Exception {
		var page = get("q=tarifs");

		assertThat(page.selectFirst(".search-empty").text()).contains("No moments match");
		assertThat(page.select(".search-empty a").eachText()).contains("tariffs");
		assertThat(page.select(".search-empty a").eachAttr("href")).contains("/search?q=tariffs");
	}

	@Test
	void everyBadInputGetsAPage() throws Exception {
		// within Tomcat's 8 KB request line (a longer one gets the 400 page:
		// HostileClientTests)
		var longQuery = "model ".repeat(1000);
		// as many different words as the length allows, plain and written like model
		// names (each a term the ranking counts apart)
		var manyWords = IntStream.range(0, 70)
			.mapToObj((i) -> "" + (char) ('a' + i % 26) + (char) ('a' + i / 26))
			.collect(Collectors.joining(" "));
		var manyNames = IntStream.range(0, 40).mapToObj((i) -> "q" + i + "." + i).collect(Collectors.joining(" "));
		for (var query : List.of("", "q=", "q=" + enc("the and of"), "q=" + enc("\"open models"), "q=" + enc("\"\"\""),
				"q=" + enc("&|!:*()<>"), "q=" + enc("models & | ! : * ( ) < >"),
				"q=" + enc("'; drop table episode; --"), "q=" + enc("\\' or 1=1 --"), "q=" + enc(longQuery),
				"q=" + enc(manyWords), "q=" + enc(manyNames), "q=" + enc(manyWords) + "&mode=words",
				"q=" + enc("open\u0000models"), "q=" + enc("\u0000"), "q=" + enc("models 🤖🚀"),
				"q=" + enc("مرحبا بالعالم"), "q=" + enc("שלום models"), "q=" + enc("-models"),
				"q=" + enc("-models -open"), "q=models&page=-1", "q=models&page=99999",
				"q=models&page=99999999999999999999", "q=models&from=yesterday&to=2026-13-45",
				"q=models&from=+999999999-12-31", "q=models&from=2026-03-17&to=2020-01-01", "q=models&sort=sideways",
				"q=models&sort=" + enc("'; drop"), "q=models&speaker=" + enc("\u0000<script>"),
				"q=models&speaker=" + enc("🤖".repeat(150)), "q=a&q=b", "q=" + enc("\uD83D"), "q=" + enc("or"),
				"q=" + enc("models:*"), "q=" + enc("(models"), "q=" + enc("-".repeat(40) + "models"),
				"q=" + enc("- ".repeat(60) + "models"), "q=" + enc("-(".repeat(50) + "models"))) {
			var response = raw(query);
			assertThat(response.statusCode()).as(query).isEqualTo(200);
			assertThat(response.body()).as(query).contains("<h1>Search</h1>");
		}
		assertThat(count("episode")).isEqualTo(12);
	}

	@Test
	void aRunOfMinusSignsIsOneExclusionOrNoneOnEveryPageThatSearches() throws Exception {
		// 33 or more nested NOTs were "tsquery stack too small": a 500 and a stack trace
		// each
		var odd = enc("-".repeat(41) + "tariffs");
		var even = enc("-".repeat(40) + "tariffs");
		assertThat(get("q=" + even).select(".search-episode")).hasSize(1);
		assertThat(get("q=" + odd).selectFirst(".search-status").text()).contains("only excludes");
		for (var path : List.of("/api/v1/search?q=" + odd, "/api/v1/search?q=" + even,
				DEAN_BALL + "/transcript?q=" + odd, DEAN_BALL + "/transcript?q=" + even)) {
			assertThat(http(path).statusCode()).as(path).isEqualTo(200);
		}
	}

	@Test
	void badInputIsExplained() throws Exception {
		assertThat(get("q=" + enc("the and of")).selectFirst(".search-status").text()).contains("very common words");
		assertThat(get("q=" + enc("-models")).selectFirst(".search-status").text()).contains("only excludes");
		var shortened = get("q=" + enc("tariffs " + "x".repeat(6_000)));
		assertThat(shortened.select(".search-notices li").text()).contains("first 200 characters");
		assertThat(shortened.selectFirst("#search-q").val()).hasSize(200);
		var dates = get("q=tariffs&from=yesterday");
		assertThat(dates.select(".search-notices li").text()).contains("YYYY-MM-DD");
		assertThat(dates.select(".search-episode")).hasSize(1);
		assertThat(get("q=" + enc("tar\u0000iffs")).select(".search-episode")).isEmpty();
		assertThat(get("q=" + enc("tariffs\u0000")).select(".search-episode")).hasSize(1);
		assertThat(get("q=" + enc("\"tariffs")).select(".search-episode")).hasSize(1);
		assertThat(get("q=" + enc("tariffs 🤖")).select(".search-episode")).hasSize(1);
		assertThat(get("q=tariffs&sort=sideways").select(".search-episode")).hasSize(1);
	}

	@Test
	void matchesInEpisodeMarksEveryOccurrenceInTheWholeSegment() {
		long dean = this.jdbc
			.sql("select id from episode where slug = 'dean-ball-on-open-models-and-government-control'")
			.query(Long.class)
			.single();

		var matches = this.search.matchesInEpisode(dean, "anthropic");

		assertThat(matches).extracting(SegmentMatch::position).containsExactly(0, 6, 8, 25, 38, 42);
		assertThat(matches).extracting(SegmentMatch::startSeconds).containsExactly(0, 397, 473, 1207, 1631, 1748);
		for (var match : matches) {
			var text = this.jdbc.sql("select text from transcript_segment where episode_id = ? and position = ?")
				.params(dean, match.position())
				.query(String.class)
				.single();
			assertThat(Jsoup.parse(match.html()).text()).isEqualTo(Jsoup.parse(text).text());
			int occurrences = text.toLowerCase().split("anthropic", -1).length - 1;
			assertThat(Jsoup.parse(match.html()).select("mark")).hasSize(occurrences)
				.allMatch((mark) -> mark.text().toLowerCase().startsWith("anthropic"));
		}
		assertThat(this.search.matchesInEpisode(dean, "\"supply chain risk\" -designation"))
			.extracting(SegmentMatch::position)
			.containsExactly(38);
		assertThat(this.search.matchesInEpisode(dean, "the")).isEmpty();
		assertThat(this.search.matchesInEpisode(dean, "\u0000")).isEmpty();
	}

	@Test
	void matchesInEpisodeKeepsHtmlLikeTextAsText() {
		long id = this.jdbc.sql("select id from episode where slug = 'zebrafish-and-quokka-hour'")
			.query(Long.class)
			.single();

		var matches = this.search.matchesInEpisode(id, "zebrafish");

		assertThat(matches).extracting(SegmentMatch::position).containsExactly(0, 1);
		assertThat(matches.get(1).html()).isEqualTo(
				"I pasted &lt;script&gt;alert(1)&lt;/script&gt; into my <mark>zebrafish</mark> notes, &lt;b&gt;bold&lt;/b&gt; of me.");
	}

	private Document get(String query) throws Exception {
		var response = raw(query);
		assertThat(response.statusCode()).as(query).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	private HttpResponse<String> raw(String query) throws Exception {
		var uri = URI.create("http://127.0.0.1:" + this.port + "/search" + (query.isEmpty() ? "" : "?" + query));
		return this.http.send(HttpRequest.newBuilder(uri).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> http(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static List<String> links(Element moment) {
		return moment.select("a").eachAttr("href");
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private long count(String table) {
		return ArchiveContents.count(this.jdbc, table);
	}

}
