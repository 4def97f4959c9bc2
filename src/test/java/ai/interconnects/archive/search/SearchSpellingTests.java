package ai.interconnects.archive.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.DatabaseTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names AI people write, as issue 20 tried them (README "Search", the analysis): each
 * moment below is one episode's only transcript segment, so the episodes a query finds
 * are the moments it matches. Every row of {@link #spellings} says which moments the
 * query as typed must find and which it must not (a row naming none must find its moments
 * and nothing else).
 */
@DatabaseTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import(SearchRelevanceTests.SearchServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchSpellingTests {

	/** Moment name → its text as written in a transcript. */
	static final Map<String, String> MOMENTS = new LinkedHashMap<>();

	static {
		MOMENTS.put("gpt54-hyphen", "We compared GPT-5.4 with the previous release.");
		MOMENTS.put("gpt54-space", "GPT 5.4 and the axes that matter for agents.");
		MOMENTS.put("gpt54-joined", "I tried gpt5.4 yesterday on my evals.");
		MOMENTS.put("gpt54-pro", "The GPT\u20115.4 Pro release costs more.");
		MOMENTS.put("gpt4", "GPT-4 was the big one in 2023.");
		MOMENTS.put("qwen-joined", "Qwen3.5 is out with a new tokenizer.");
		MOMENTS.put("qwen-space", "The Qwen 3.5 series keeps growing.");
		MOMENTS.put("olmo-hyphen", "Olmo-3 ships with every checkpoint.");
		MOMENTS.put("olmo-space", "OLMo 3 Think reasons at length.");
		MOMENTS.put("r1-hyphen", "DeepSeek-R1 changed how labs train reasoning.");
		MOMENTS.put("r1-space", "DeepSeek R1 Zero skipped the warm start.");
		MOMENTS.put("v4", "DeepSeek-V4 is rumoured for spring.");
		MOMENTS.put("opus", "Claude Opus-4.6 writes long programs.");
		MOMENTS.put("k25", "Kimi K2.5 from Moonshot is an agent model.");
		MOMENTS.put("k2", "Kimi K2 Thinking came first.");
		MOMENTS.put("tulu", "The T\u00fclu 3 recipe is fully open.");
		MOMENTS.put("cafe", "We met at a caf\u00e9 in Z\u00fcrich.");
		MOMENTS.put("open-weight", "Open-weight models caught up quickly.");
		MOMENTS.put("open-weight-space", "These open weight models run on laptops.");
		MOMENTS.put("openweight", "Openweight releases doubled.");
		MOMENTS.put("post-training", "Post-training is where the action is.");
		MOMENTS.put("post-training-space", "They spent more on post training compute.");
		MOMENTS.put("sota", "State-of-the-art results on every benchmark.");
		MOMENTS.put("sota-space", "That was state of the art last year.");
		MOMENTS.put("llama", "Llama-3.1-70B-Instruct is the baseline.");
		MOMENTS.put("gemini", "Gemini 2.5 Pro has a long context.");
		MOMENTS.put("gpt4o", "GPT-4o-mini is cheap.");
		MOMENTS.put("o3", "The o3-pro runs are expensive.");
		MOMENTS.put("nemotron", "Nemotron-4 340B was trained on synthetic data.");
		MOMENTS.put("people", "S\u00e9bastien Bubeck and Fran\u00e7ois Chollet disagreed.");
		MOMENTS.put("gpus", "We rented H100 nodes and A100 clusters.");
		MOMENTS.put("mistral", "Mistral 7B set the bar for small models.");
		MOMENTS.put("soren", "S\u00f8ren read Kierkegaard on the train.");
		MOMENTS.put("dvorak", "Dvo\u0159\u00e1k played in the background.");
		MOMENTS.put("qwen-moe", "Qwen3-235B-A22B activates 22 billion parameters.");
		MOMENTS.put("gpt-oss", "gpt-oss-120b is OpenAI's open model.");
		MOMENTS.put("v32", "DeepSeek V3.2-Exp tried sparse attention.");
		MOMENTS.put("cot", "Chain-of-thought monitoring is fragile.");
		MOMENTS.put("email", "Send me an e-mail about it.");
	}

	static final Set<String> GPT54 = Set.of("gpt54-hyphen", "gpt54-space", "gpt54-joined", "gpt54-pro");

	static Stream<Arguments> spellings() {
		return Stream.of(row("GPT-5.4", GPT54, "gpt4"), row("GPT 5.4", GPT54, "gpt4"), row("gpt5.4", GPT54, "gpt4"),
				row("GPT\u20115.4", GPT54, "gpt4"), row("GPT\u20105.4", GPT54, "gpt4"),
				row("GPT 4", Set.of("gpt4"), "gpt54-hyphen", "gpt54-space", "gpt4o"),
				row("GPT4", Set.of("gpt4"), "gpt54-joined", "gpt4o"),
				row("Qwen3.5", Set.of("qwen-joined", "qwen-space")),
				row("Qwen-3.5", Set.of("qwen-joined", "qwen-space")),
				row("Qwen 3.5", Set.of("qwen-joined", "qwen-space")),
				row("Olmo-3", Set.of("olmo-hyphen", "olmo-space")), row("OLMo3", Set.of("olmo-hyphen", "olmo-space")),
				row("Olmo 3", Set.of("olmo-hyphen", "olmo-space")),
				row("DeepSeek-R1", Set.of("r1-hyphen", "r1-space"), "v4"),
				row("DeepSeek R1", Set.of("r1-hyphen", "r1-space"), "v4"), row("R1", Set.of("r1-hyphen", "r1-space")),
				row("DeepSeek-V4", Set.of("v4"), "r1-hyphen"), row("Opus-4.6", Set.of("opus")),
				row("Opus 4.6", Set.of("opus")), row("K2.5", Set.of("k25"), "k2"), row("Kimi K2", Set.of("k2"), "k25"),
				row("Tulu", Set.of("tulu")), row("T\u00fclu 3", Set.of("tulu")), row("cafe", Set.of("cafe")),
				row("Zurich", Set.of("cafe")),
				row("open-weight", Set.of("open-weight", "open-weight-space", "openweight")),
				row("open weight", Set.of("open-weight", "open-weight-space"), "openweight"),
				row("\"open-weight models\"", Set.of("open-weight", "open-weight-space"), "openweight"),
				row("post-training", Set.of("post-training", "post-training-space")),
				row("post training", Set.of("post-training", "post-training-space")),
				row("state-of-the-art", Set.of("sota", "sota-space")),
				row("\"state of the art\"", Set.of("sota", "sota-space")), row("Llama 3.1 70B", Set.of("llama")),
				row("Llama-3.1", Set.of("llama")), row("Gemini-2.5-Pro", Set.of("gemini")),
				row("GPT-4o", Set.of("gpt4o"), "gpt4"), row("o3 pro", Set.of("o3")),
				row("Nemotron 4", Set.of("nemotron")), row("Sebastien Bubeck", Set.of("people")),
				row("Francois Chollet", Set.of("people")), row("H100", Set.of("gpus")),
				row("A100", Set.of("gpus"), "gpt54-hyphen"), row("Mistral-7B", Set.of("mistral")),
				row("7B", Set.of("mistral")), row("Soren", Set.of("soren")), row("Dvorak", Set.of("dvorak")),
				row("Qwen3 235B", Set.of("qwen-moe")), row("A22B", Set.of("qwen-moe")),
				row("gpt-oss", Set.of("gpt-oss")), row("gpt oss 120b", Set.of("gpt-oss")),
				row("V3.2-Exp", Set.of("v32")), row("chain of thought", Set.of("cot")), row("e-mail", Set.of("email")),
				row("\"GPT-5.4 Pro\"", Set.of("gpt54-pro"), "gpt54-hyphen", "gpt54-space"),
				row("\u201CGPT-5.4 Pro\u201D", Set.of("gpt54-pro"), "gpt54-hyphen", "gpt54-space"),
				row("GPT-5.4 -pro", Set.of("gpt54-hyphen", "gpt54-space", "gpt54-joined"), "gpt54-pro"));
	}

	private static Arguments row(String query, Set<String> found, String... notFound) {
		return Arguments.of(query, found, Set.of(notFound));
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SearchService search;

	@Autowired
	SearchVocabulary vocabulary;

	@BeforeAll
	void storeMoments() {
		DatabaseCleaner.clean(this.jdbc);
		store(this.jdbc);
		this.vocabulary.refreshIfStale();
	}

	/** The moments, one episode each, written straight to the (empty) tables. */
	static void store(JdbcClient jdbc) {
		jdbc.sql("insert into podcast (id, configured_url, feed_url) overriding system value "
				+ "values (1, 'test:spelling', 'test:spelling')")
			.update();
		long id = 1;
		for (var moment : MOMENTS.entrySet()) {
			jdbc.sql("""
					insert into episode (id, podcast_id, guid, slug, title, published_at, show_notes_html,
					    content_hash, first_seen_at, last_seen_at, updated_at)
					values (:id, 1, :slug, :slug, 'Conversation ' || :id, now() - :id * interval '1 day',
					    '', 'x', now(), now(), now())
					""").param("id", id).param("slug", moment.getKey()).update();
			jdbc.sql("insert into transcript_segment (episode_id, position, start_seconds, speaker, text) "
					+ "values (:id, 0, 10, 'Host', :text)")
				.param("id", id)
				.param("text", moment.getValue())
				.update();
			id++;
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("spellings")
	void eachSpellingFindsItsMomentsAndNoOthers(String query, Set<String> found, Set<String> notFound) {
		var moments = found(query);

		if (notFound.isEmpty()) {
			// no moment named: it must find these and nothing else
			assertThat(moments).as(query).isEqualTo(found);
		}
		else {
			assertThat(moments).as(query).containsAll(found).doesNotContainAnyElementsOf(notFound);
		}
	}

	@Test
	void theTableCoversAtLeastFortySpellings() {
		assertThat(spellings()).hasSizeGreaterThanOrEqualTo(40);
	}

	@Test
	void matchesAreMarkedWhereTheyStandInTheTextAsWritten() {
		assertThat(excerpt("gpt5.4", "gpt54-hyphen")).contains("<mark>GPT</mark>-<mark>5.4</mark>");
		assertThat(excerpt("GPT 5.4", "gpt54-joined")).contains("<mark>gpt</mark><mark>5.4</mark>");
		assertThat(excerpt("Tulu", "tulu")).contains("<mark>T\u00fclu</mark>");
		assertThat(excerpt("open weight", "open-weight")).contains("<mark>Open</mark>-<mark>weight</mark>");
		var find = this.search.findInEpisode(id("gpt54-pro"), "gpt-5.4");
		assertThat(find.matches()).singleElement()
			.extracting(SegmentMatch::html)
			.isEqualTo("The <mark>GPT</mark>\u2011<mark>5.4</mark> Pro release costs more.");
	}

	@Test
	void theFindBarExplainsStopWordsAndSuggestsWholeQueries() {
		var stop = this.search.findInEpisode(id("tulu"), "the");
		assertThat(stop.onlyIgnoredWords()).isTrue();
		assertThat(stop.ignoredText()).isEqualTo("\u201Cthe\u201D is too common to search for");

		var typo = this.search.findInEpisode(id("nemotron"), "nemotorn syntetic");
		assertThat(typo.matches()).isEmpty();
		assertThat(typo.suggestions()).first().isEqualTo("nemotron synthetic");
		var mixed = this.search.findInEpisode(id("tulu"), "the recipe");
		assertThat(mixed.matches()).hasSize(1);
		assertThat(mixed.ignoredWords()).containsExactly("the");
	}

	@Test
	void aQueryThatMatchesNothingSuggestsOneWholeCorrection() {
		var results = search("nemotorn syntetic");

		assertThat(results.episodes()).isEmpty();
		assertThat(results.suggestions()).extracting(Suggestions.Suggestion::query)
			.containsExactly("nemotron synthetic");
		assertThat(search("kierkegard").suggestions()).extracting(Suggestions.Suggestion::query)
			.first()
			.isEqualTo("kierkegaard");
	}

	@Test
	void aNameVariantIsSearchedWhenTheQueryAsTypedMatchesNothing() {
		var k2 = search("Moonshot K2");
		assertThat(k2.help().showingResultsFor()).isEqualTo("Moonshot K2.5");
		assertThat(slugs(k2)).containsExactly("k25");

		var joined = search("Deep Seek V4");
		assertThat(joined.help().showingResultsFor()).isEqualTo("DeepSeek V4");
		assertThat(slugs(joined)).containsExactly("v4");

		var split = search("Postdoc Kierkegaard");
		assertThat(split.help().showingResultsFor()).isNull();

		var spaced = search("openweight models");
		assertThat(spaced.help().showingResultsFor()).isEqualTo("open weight models");
		assertThat(slugs(spaced)).contains("open-weight", "open-weight-space");
	}

	private Set<String> found(String query) {
		var results = search(query);
		if (results.help().showingResultsFor() != null) {
			return Set.of();
		}
		return slugs(results);
	}

	private SearchResults search(String query) {
		return this.search.search(SearchRequest.of(query, null, null, null, null, null, 200));
	}

	private static Set<String> slugs(SearchResults results) {
		var slugs = new TreeSet<String>();
		results.episodes().forEach((e) -> slugs.add(e.slug()));
		return slugs;
	}

	private String excerpt(String query, String slug) {
		return search(query).episodes()
			.stream()
			.filter((e) -> e.slug().equals(slug))
			.findFirst()
			.orElseThrow(() -> new AssertionError(query + " did not find " + slug))
			.best()
			.get(0)
			.excerptHtml();
	}

	private long id(String slug) {
		return this.jdbc.sql("select id from episode where slug = ?").param(slug).query(Long.class).single();
	}

}
