package ai.interconnects.archive.search;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import ai.interconnects.archive.episode.ArchiveStampForSlices;
import ai.interconnects.archive.search.meaning.MeaningTestConfiguration;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ranking rules of README "Search" across a library of two shows (A, id 1, and B, id
 * 2), on generated episodes written straight to the tables as in
 * {@link SearchRelevanceTests}: the statistics are library-wide, the show filter narrows
 * every step, each result names its show and the facet counts each show's matches.
 */
@DatabaseTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import(LibrarySearchTests.SearchServices.class)
class LibrarySearchTests {

	@TestConfiguration(proxyBeanMethods = false)
	@ComponentScan(basePackageClasses = SearchService.class,
			excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION,
					classes = { Controller.class, RestController.class }))
	@EnableConfigurationProperties(SearchProperties.class)
	@Import({ MeaningTestConfiguration.class, ArchiveStampForSlices.class })
	static class SearchServices {

	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SearchService search;

	@Autowired
	QueryAnalysis analysis;

	@Autowired
	MatchRepository matches;

	final SplittableRandom random = new SplittableRandom(7);

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
		for (var show : List.of("1, 'show-a', 'Show A'", "2, 'show-b', 'Show B'")) {
			this.jdbc
				.sql("insert into podcast (id, configured_url, feed_url, slug, title) overriding system value "
						+ "select id, 'test:' || slug, 'test:' || slug, slug, title from (values (" + show
						+ ")) as v(id, slug, title)")
				.update();
		}
	}

	@Test
	void aWordRareInTheLibraryRanksAsRareWhicheverShowHoldsIt() {
		// "tokenizer" is common across show A, "quokka" said once in show B
		for (int i = 1; i <= 30; i++) {
			store(1, i, "Episode " + i, "tokenizer", 2);
		}
		store(2, 31, "Episode 31", "tokenizer", 30);
		store(2, 32, "Episode 32", "tokenizer quokka", 1);

		var all = search("tokenizer or quokka", List.of());
		assertThat(all.episodes().get(0).slug()).isEqualTo("episode-32");
		assertThat(all.episodes().get(0).show()).isEqualTo(new SearchResults.ShowName("show-b", "Show B"));
		assertThat(all.totalEpisodes()).isEqualTo(32);
		assertThat(all.episodesEstimated()).isFalse();
		assertThat(all.shows())
			.extracting(ShowFacets.Facet::slug, ShowFacets.Facet::episodes, ShowFacets.Facet::estimated)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("show-a", 30L, false),
					org.assertj.core.groups.Tuple.tuple("show-b", 2L, false));

		var b = search("tokenizer or quokka", List.of("show-b"));
		assertThat(b.episodes()).extracting(SearchResults.EpisodeResult::slug)
			.containsExactly("episode-32", "episode-31");
		assertThat(b.totalEpisodes()).isEqualTo(2);
		// the facet is counted without the filter, so the reader can switch
		assertThat(b.shows()).extracting(ShowFacets.Facet::episodes).containsExactly(30L, 2L);
		assertThat(b.shows()).extracting(ShowFacets.Facet::selected).containsExactly(false, true);
	}

	@Test
	void aTitleWithAllTheWordsOutranksSpeechInAnotherShowAndTheFilterLeavesItOut() {
		for (int i = 1; i <= 20; i++) {
			store(1, i, "Episode " + i, "reward model", 1 + i % 3);
		}
		store(2, 21, "Reward models, explained", "reward", 1);

		assertThat(slugs("reward model", List.of())).first().isEqualTo("episode-21");
		var a = search("reward models", List.of("show-a"));
		assertThat(a.totalEpisodes()).isEqualTo(20);
		assertThat(allSlugs("reward models", List.of("show-a"))).hasSize(20).doesNotContain("episode-21");
	}

	@Test
	void theEpisodeAboutAWordComesFirstAcrossShowsAndWithinItsShow() {
		for (int i = 1; i <= 41; i++) {
			store((i % 2 == 0) ? 2 : 1, i, "Episode " + i, "distillation", (i == 20) ? 40 : 1 + i % 3);
		}
		assertThat(slugs("distillation", List.of())).first().isEqualTo("episode-20");
		assertThat(slugs("distillation", List.of("show-b"))).first().isEqualTo("episode-20");
		assertThat(search("distillation", List.of()).totalEpisodes()).isEqualTo(41);
		assertThat(search("distillation", List.of("show-a")).totalEpisodes()).isEqualTo(21);
		assertThat(search("distillation", List.of("show-b,show-a")).totalEpisodes()).isEqualTo(41);
	}

	@Test
	void wordsThatRarelyMeetAreCountedExactlyInTheShowsAsked() {
		for (int i = 1; i <= 12; i++) {
			store((i <= 8) ? 1 : 2, i, "Episode " + i, "zeppelin marmalade", 2);
		}
		var a = search("zeppelin marmalade", List.of("show-a"));
		assertThat(a.totalEpisodes()).isEqualTo(8);
		assertThat(a.totalMoments()).isEqualTo(16);
		assertThat(a.momentsEstimated()).isFalse();
		assertThat(a.episodes()).allMatch((e) -> e.show().slug().equals("show-a"));
		assertThat(a.shows()).extracting(ShowFacets.Facet::episodes).containsExactly(8L, 4L);
	}

	@Test
	void aFewEpisodesCountedThroughTheirOwnRowsMatchAsTheWordIndexesSay() {
		for (int i = 1; i <= 12; i++) {
			store((i <= 8) ? 1 : 2, i, "Episode " + i, (i % 3 == 0) ? "models open" : "open models", 1 + i % 4);
		}
		var request = SearchRequest.of("\"open models\"", null, null, null, null, "1", "words", 200);
		var query = this.analysis.analyze(request.query());
		var everywhere = this.matches.matchingEverywhere(request, query);
		var among = this.matches.matchingAmong(request, query, List.of(1L, 2L, 3L, 4L, 9L));

		assertThat(everywhere).hasSize(8).doesNotContainKeys(3L, 6L, 9L, 12L);
		assertThat(among).containsOnlyKeys(1L, 2L, 4L);
		among.forEach((episode, moments) -> assertThat(moments).isEqualTo(everywhere.get(episode)));
	}

	@Test
	void anUnknownShowIsNamedInANoticeAndIgnored() {
		store(1, 1, "Episode 1", "distillation", 1);
		store(2, 2, "Episode 2", "distillation", 1);

		var results = search("distillation", List.of("show-b", "nowhere"));
		assertThat(results.request().notices())
			.contains("No show is called “nowhere”: it was left out of the show filter.");
		assertThat(results.episodes()).extracting(SearchResults.EpisodeResult::slug).containsExactly("episode-2");
	}

	@Test
	void withOneShowTheResultsHaveNoShowFacet() {
		this.jdbc.sql("update podcast set removed_at = now() where id = 2").update();
		store(1, 1, "Episode 1", "distillation", 1);

		var results = search("distillation", List.of());
		assertThat(results.shows()).isEmpty();
		assertThat(results.episodes().get(0).show().slug()).isEqualTo("show-a");
	}

	private List<String> slugs(String query, List<String> shows) {
		return search(query, shows).episodes().stream().map(SearchResults.EpisodeResult::slug).toList();
	}

	private List<String> allSlugs(String query, List<String> shows) {
		var all = new ArrayList<String>();
		var first = search(query, shows);
		for (int page = 1; page <= first.pageCount(); page++) {
			search(query, shows, page).episodes().forEach((e) -> all.add(e.slug()));
		}
		return all;
	}

	private SearchResults search(String query, List<String> shows) {
		return search(query, shows, 1);
	}

	private SearchResults search(String query, List<String> shows, int page) {
		return this.search.search(
				SearchRequest.of(query, null, null, null, null, Integer.toString(page), "words", 200).withShows(shows));
	}

	/**
	 * One episode of filler speech (120 segments of invented words) with {@code words}
	 * put into {@code times} different segments.
	 */
	private void store(long show, long id, String title, String words, int times) {
		var segments = new ArrayList<String>();
		for (int i = 0; i < 120; i++) {
			segments.add(filler(12));
		}
		for (int i = 0; i < times; i++) {
			int at = (int) ((i * 7919L + id * 31) % segments.size());
			segments.set(at, segments.get(at) + " " + words + " " + filler(2));
		}
		this.jdbc.sql("""
				insert into episode (id, podcast_id, guid, slug, title, published_at, show_notes_html,
				    content_hash, first_seen_at, last_seen_at, updated_at)
				values (:id, :show, :guid, :slug, :title, :published, :notes, 'x', now(), now(), now())
				""")
			.param("id", id)
			.param("show", show)
			.param("guid", "g" + id)
			.param("slug", "episode-" + id)
			.param("title", title)
			.param("published",
					java.sql.Timestamp.from(Instant.parse("2025-01-01T10:00:00Z").plus(id % 3, ChronoUnit.DAYS)))
			.param("notes", "<p>" + filler(30) + "</p>")
			.update();
		this.jdbc.sql("""
				insert into transcript_segment (id, episode_id, position, start_seconds, speaker, text)
				select :episode * 10000 + p - 1, :episode, p - 1, (p - 1) * 10, 'Host', t
				from unnest(:texts::text[]) with ordinality as s(t, p)
				""").param("episode", id).param("texts", segments.toArray(String[]::new)).update();
	}

	private String filler(int words) {
		var consonants = "bdfgklmnprstvz";
		var out = new StringBuilder();
		for (int i = 0; i < words; i++) {
			out.append((i > 0) ? " " : "");
			for (int j = 0; j < 3; j++) {
				out.append(consonants.charAt(this.random.nextInt(consonants.length())))
					.append("aeiou".charAt(this.random.nextInt(5)));
			}
		}
		return out.toString();
	}

}
