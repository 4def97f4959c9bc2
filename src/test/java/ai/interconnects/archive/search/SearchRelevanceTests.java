package ai.interconnects.archive.search;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import ai.interconnects.archive.episode.ArchiveStampForSlices;
import ai.interconnects.archive.search.meaning.MeaningTestConfiguration;
import ai.interconnects.archive.support.DatabaseTest;
import ai.interconnects.archive.support.DatabaseCleaner;
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
import static org.assertj.core.api.Assertions.within;

/**
 * The ranking rules of README "Search" on generated archives: filler speech made of
 * invented words, with the searched words placed by each test. Episodes are written
 * straight to the tables (the term statistics follow by trigger, as after an ingest).
 * Only the database and the search package's services are started: no web, no poller.
 */
@DatabaseTest
// the statistics are recomputed when each insert commits, as after an ingest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import(SearchRelevanceTests.SearchServices.class)
class SearchRelevanceTests {

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
	RankingRepository ranking;

	@Autowired
	WordMoments wordMoments;

	final SplittableRandom random = new SplittableRandom(7);

	final List<String> filler = fillerWords();

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
		this.jdbc
			.sql("insert into podcast (id, configured_url, feed_url) overriding system value "
					+ "values (1, 'test:relevance', 'test:relevance')")
			.update();
	}

	@Test
	void theScoresAddedUpInJavaAreTheSqlFormulasScoresInTheSameOrder() {
		var episodes = new ArrayList<Generated>();
		var words = List.of("distillation", "reward model", "quokka", "tokenizer");
		for (int i = 0; i < 60; i++) {
			// titles with some words, speech with random numbers of mentions
			var episode = new Generated(i + 1,
					(i % 7 == 0) ? "On " + words.get(i % words.size()) : "Episode " + (i + 1),
					20 + this.random.nextInt(150));
			for (var word : words) {
				if (this.random.nextInt(3) > 0) {
					episode.mention(word, 1 + this.random.nextInt(12));
				}
			}
			episodes.add(episode);
		}
		// equal twins: their scores must tie exactly and fall to the date, then the id
		var twin = new Generated(61, "Episode 61", 40);
		twin.mention("quokka", 3);
		var other = new Generated(64, "Episode 64", 40);
		other.mention("quokka", 3);
		episodes.add(twin);
		episodes.add(other);
		store(episodes);
		var lexemes = List.of("distil", "reward", "model", "quokka", "tokenizer", "absentword");
		var requests = List.of(SearchRequest.of("q", null, null, null, null, null, 200),
				SearchRequest.of("q", "Host", null, null, null, null, 200),
				SearchRequest.of("q", null, "2025-01-02", "2025-01-02", null, null, 200),
				SearchRequest.of("q", null, null, null, "newest", null, 200));

		for (var request : requests) {
			for (int n = 1; n <= lexemes.size(); n++) {
				var asked = lexemes.subList(lexemes.size() - n, lexemes.size());
				var java = this.ranking.rank(request, asked);
				var sql = ReferenceRanking.rank(this.jdbc, request, asked);

				assertThat(java.candidates()).as("%s %s", request, asked).hasSameSizeAs(sql.candidates());
				for (int i = 0; i < sql.candidates().size(); i++) {
					var expected = sql.candidates().get(i);
					var actual = java.candidates().get(i);
					assertThat(actual.episodeId()).as("place %d of %s %s", i, request, asked)
						.isEqualTo(expected.episodeId());
					assertThat(actual.score()).isEqualTo(expected.score());
					assertThat(actual.units()).isEqualTo(expected.units());
					assertThat(actual.showId()).isEqualTo(expected.showId());
					assertThat(actual.publishedAt()).isEqualTo(expected.publishedAt());
				}
				if (!sql.candidates().isEmpty()) {
					for (var kind : MomentKind.values()) {
						assertThat(java.idfs().get(kind)).containsExactly(sql.idfs().get(kind), within(1e-12));
						assertThat(java.unitLengths().get(kind)).isCloseTo(sql.unitLengths().get(kind), within(1e-12));
					}
				}
			}
		}
	}

	@Test
	void theParagraphsHoldingQueryWordsReadFromTheStatisticsAreThoseTheTranscriptHolds() {
		var episodes = new ArrayList<Generated>();
		var words = List.of("distillation", "reward model", "quokka", "tokenizer");
		for (int i = 0; i < 12; i++) {
			var episode = new Generated(i + 1, "Episode " + (i + 1), 20 + this.random.nextInt(80));
			for (var word : words) {
				if (this.random.nextInt(3) > 0) {
					episode.mention(word, 1 + this.random.nextInt(6));
				}
			}
			episodes.add(episode);
		}
		// backwards: the paragraphs are written out of position order
		store(episodes, true);
		var ids = List.of(1L, 2L, 3L, 5L, 8L, 11L, 12L, 99L);
		var asked = List.of(List.of("quokka"), List.of("distil", "reward", "model"),
				List.of("model", "quokka", "model"), List.of("absentword", "quokka"), List.of("absentword"));

		for (var lexemes : asked) {
			var fromStatistics = this.wordMoments.paragraphs(ids, lexemes)
				.stream()
				.map((p) -> p.episodeId() + ":" + p.position() + ":" + p.length() + ":" + Arrays.toString(p.tfs()))
				.toList();
			// every paragraph of the episodes tested against the query, as before V18
			var fromTheTranscript = this.jdbc
				.sql("""
						select s.episode_id, s.position, s.search_length, /*found*/ as found
						from transcript_segment s
						where s.episode_id in (:ids) and ts_match_vq(s.search_vector, /*any*/)
						order by s.episode_id, s.position
						""".replace("/*found*/", LexemeCounts.found("s.search_vector"))
					.replace("/*any*/", HybridMoments.ANY_WORD))
				.param("ids", ids)
				.param("lexemes", lexemes.toArray(String[]::new))
				.query((rs, n) -> rs.getLong(1) + ":" + rs.getInt(2) + ":" + rs.getInt(3) + ":"
						+ Arrays.toString(LexemeCounts.of(rs.getString("found"), lexemes)))
				.list();

			assertThat(fromStatistics).as("%s", lexemes).isEqualTo(fromTheTranscript);
			assertThat(fromStatistics.isEmpty()).as("%s", lexemes).isEqualTo(lexemes.equals(List.of("absentword")));
		}
	}

	@Test
	void anEpisodeThatDiscussesAWordOutranksAnyNumberOfPassingMentions() {
		// the discussion sits first, in the middle, then last in table order and in the
		// feed (publication dates run with the ids)
		for (int place : new int[] { 0, 20, 40 }) {
			clean();
			var episodes = new ArrayList<Generated>();
			for (int i = 0; i < 41; i++) {
				var episode = new Generated(i + 1, "Episode " + (i + 1), 120);
				if (i == place) {
					episode.mention("distillation", 40);
				}
				else {
					episode.mention("distillation", 1 + i % 3);
				}
				episodes.add(episode);
			}
			store(episodes);

			assertThat(slugs("distillation").get(0)).as("discussion at %d", place).isEqualTo("episode-" + (place + 1));
			assertThat(search("distillation", 1).totalEpisodes()).isEqualTo(41);
		}
	}

	@Test
	void aTitleWithAllTheWordsOutranksPassingMentions() {
		var episodes = new ArrayList<Generated>();
		for (int i = 0; i < 20; i++) {
			var episode = new Generated(i + 1, "Episode " + (i + 1), 120);
			episode.mention("reward model", 1 + i % 3);
			episodes.add(episode);
		}
		var titled = new Generated(21, "Reward models, explained", 120);
		titled.mention("reward", 1);
		episodes.add(titled);
		Collections.shuffle(episodes, new java.util.Random(3));
		store(episodes);

		assertThat(slugs("reward model").get(0)).isEqualTo("episode-21");
		assertThat(search("reward models", 1).totalEpisodes()).isEqualTo(21);
	}

	@Test
	void anEpisodeWithBothWordsOutranksOneWithOnlyTheCommonerWordManyTimes() {
		var episodes = new ArrayList<Generated>();
		for (int i = 0; i < 30; i++) {
			// "tokenizer" is common across the archive, "quokka" rare
			var episode = new Generated(i + 1, "Episode " + (i + 1), 120);
			episode.mention("tokenizer", 2);
			episodes.add(episode);
		}
		var many = new Generated(31, "Episode 31", 120);
		many.mention("tokenizer", 30);
		var both = new Generated(32, "Episode 32", 120);
		both.mention("tokenizer quokka", 1);
		both.mention("quokka", 1);
		episodes.add(many);
		episodes.add(both);
		store(episodes);

		assertThat(slugs("tokenizer or quokka").subList(0, 2)).containsExactly("episode-32", "episode-31");
		// AND is scoped to one segment (README "Search"): an episode where the words
		// never
		// meet in one text does not match at all
		assertThat(slugs("tokenizer quokka")).containsExactly("episode-32");
	}

	@Test
	void andMeansAllWordsInOneSegmentTitleChapterOrNotes() {
		var apart = new Generated(1, "Episode 1", 40);
		apart.mentionAt("zeppelin", 5);
		apart.mentionAt("marmalade", 6);
		var together = new Generated(2, "Episode 2", 40);
		together.mention("zeppelin marmalade", 1);
		var titled = new Generated(3, "Zeppelin marmalade", 40);
		store(List.of(apart, together, titled));

		assertThat(slugs("zeppelin marmalade")).containsExactlyInAnyOrder("episode-2", "episode-3");
		assertThat(slugs("zeppelin or marmalade")).containsExactlyInAnyOrder("episode-1", "episode-2", "episode-3");
		assertThat(slugs("\"marmalade zeppelin\"")).isEmpty();
	}

	@Test
	void theOrderNeverDependsOnInsertionOrder() {
		var episodes = new ArrayList<Generated>();
		for (int i = 0; i < 40; i++) {
			var episode = new Generated(i + 1, "Episode " + (i + 1), 60);
			// many equal scores: identical mention counts and lengths, same day
			episode.mention("distillation", 1 + i % 4);
			if (i % 5 == 0) {
				episode.mention("quokka distillation", 1);
			}
			episodes.add(episode);
		}
		var queries = List.of("distillation", "distillation quokka", "quokka or distillation",
				"\"quokka distillation\"", "distillation -quokka");
		store(episodes);
		var forwards = queries.stream().map(this::allSlugs).toList();

		clean();
		var reversed = new ArrayList<>(episodes);
		Collections.reverse(reversed);
		store(reversed, true);
		var backwards = queries.stream().map(this::allSlugs).toList();

		assertThat(backwards).isEqualTo(forwards);
		assertThat(forwards.get(0)).hasSize(40);
	}

	@Test
	void oneWordCountsAreExactAndEveryPageIsReachable() {
		var episodes = new ArrayList<Generated>();
		for (int i = 0; i < 25; i++) {
			var episode = new Generated(i + 1, "Episode " + (i + 1), 30);
			episode.mention("distillation", 1 + i % 2);
			episodes.add(episode);
		}
		store(episodes);

		var first = search("distillation", 1);
		assertThat(first.totalEpisodes()).isEqualTo(25);
		assertThat(first.momentsEstimated()).isFalse();
		assertThat(first.totalMoments()).isEqualTo(count(
				"select count(*) from transcript_segment where search_vector @@ websearch_to_tsquery('english', 'distillation')"));
		assertThat(first.pageCount()).isEqualTo(3);
		var pages = new ArrayList<String>();
		for (int page = 1; page <= 3; page++) {
			search("distillation", page).episodes().forEach((e) -> pages.add(e.slug()));
		}
		assertThat(pages).doesNotHaveDuplicates().hasSize(25);
		assertThat(search("distillation", 99).page()).isEqualTo(3);

		var phrase = search("\"distillation\" -zeppelin", 3);
		assertThat(phrase.page()).isEqualTo(3);
		assertThat(phrase.totalEpisodes()).isEqualTo(25);
	}

	@Test
	void wordsThatMeetOftenAreCheckedInRankOrderAndTheTotalsAreEstimated() {
		var episodes = new ArrayList<Generated>();
		// more than SearchService.INDEX_CHECK_ROWS segments hold both words
		for (int i = 0; i < 30; i++) {
			var episode = new Generated(i + 1, "Episode " + (i + 1), 700);
			episode.mention("zeppelin marmalade", 700);
			episodes.add(episode);
		}
		// these say both words more often, but never in one segment: they rank high and
		// must be dropped by the check
		for (int i = 30; i < 34; i++) {
			var episode = new Generated(i + 1, "Episode " + (i + 1), 700);
			for (int p = 0; p < 700; p++) {
				episode.mentionAt((p % 2 == 0) ? "zeppelin zeppelin" : "marmalade marmalade", p);
			}
			episodes.add(episode);
		}
		store(episodes);

		var first = search("zeppelin marmalade", 1);
		assertThat(first.momentsEstimated()).isTrue();
		assertThat(first.episodes()).hasSize(10);
		var all = allSlugs("zeppelin marmalade");
		assertThat(all).doesNotHaveDuplicates().hasSize(30).noneMatch((slug) -> slug.matches("episode-3[1-4]"));
		assertThat(search("zeppelin marmalade", 99).page()).isEqualTo(3);
		assertThat(slugs("zeppelin or marmalade")).hasSize(10);
	}

	private List<String> slugs(String query) {
		return search(query, 1).episodes().stream().map(SearchResults.EpisodeResult::slug).toList();
	}

	private List<String> allSlugs(String query) {
		var all = new ArrayList<String>();
		var first = search(query, 1);
		for (int page = 1; page <= first.pageCount(); page++) {
			search(query, page).episodes().forEach((e) -> all.add(e.slug()));
		}
		return all;
	}

	private SearchResults search(String query, int page) {
		return this.search.search(SearchRequest.of(query, null, null, null, null, Integer.toString(page), 200));
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private List<String> fillerWords() {
		var consonants = "bdfgklmnprstvz";
		var vowels = "aeiou";
		var words = new ArrayList<String>();
		var r = new SplittableRandom(11);
		while (words.size() < 400) {
			var w = new StringBuilder();
			for (int i = 0; i < 3; i++) {
				w.append(consonants.charAt(r.nextInt(consonants.length())))
					.append(vowels.charAt(r.nextInt(vowels.length())));
			}
			words.add(w.toString());
		}
		return words;
	}

	private String fillerText(int words) {
		var out = new StringBuilder();
		for (int i = 0; i < words; i++) {
			out.append((i > 0) ? " " : "").append(this.filler.get(this.random.nextInt(this.filler.size())));
		}
		return out.toString();
	}

	/** One generated episode: filler segments of 12 words, mentions put into some. */
	final class Generated {

		final long id;

		final String title;

		final List<String> segments = new ArrayList<>();

		final String notes = "<p>" + fillerText(30) + "</p>";

		Generated(long id, String title, int segments) {
			this.id = id;
			this.title = title;
			for (int i = 0; i < segments; i++) {
				this.segments.add(fillerText(12));
			}
		}

		/** Puts {@code words} into {@code times} different segments, spread out. */
		void mention(String words, int times) {
			for (int i = 0; i < times; i++) {
				int at = (int) ((i * 7919L + this.id * 31) % this.segments.size());
				mentionAt(words, at);
			}
		}

		void mentionAt(String words, int position) {
			this.segments.set(position, this.segments.get(position) + " " + words + " " + fillerText(2));
		}

	}

	private void store(List<Generated> episodes) {
		store(episodes, false);
	}

	/**
	 * Writes the episodes in the given order, each one's segments in one statement, in
	 * position order or (reversed) backwards: the ids and positions stay the same, only
	 * the physical order of the rows changes.
	 */
	private void store(List<Generated> episodes, boolean reversed) {
		var day = Instant.parse("2025-01-01T10:00:00Z");
		for (var e : episodes) {
			this.jdbc.sql("""
					insert into episode (id, podcast_id, guid, slug, title, published_at, show_notes_html,
					    content_hash, first_seen_at, last_seen_at, updated_at)
					values (:id, 1, :guid, :slug, :title, :published, :notes, 'x', now(), now(), now())
					""")
				.param("id", e.id)
				.param("guid", "g" + e.id)
				.param("slug", "episode-" + e.id)
				.param("title", e.title)
				.param("published", java.sql.Timestamp.from(day.plus(e.id % 3, ChronoUnit.DAYS)))
				.param("notes", e.notes)
				.update();
			var positions = new ArrayList<Integer>();
			for (int p = 0; p < e.segments.size(); p++) {
				positions.add(p);
			}
			if (reversed) {
				Collections.reverse(positions);
			}
			this.jdbc.sql("""
					insert into transcript_segment (id, episode_id, position, start_seconds, speaker, text)
					select :episode * 10000 + p, :episode, p, p * 10, 'Host', t
					from unnest(:positions::int[], :texts::text[]) as s(p, t)
					""")
				.param("episode", e.id)
				.param("positions", positions.toArray(Integer[]::new))
				.param("texts", positions.stream().map(e.segments::get).toArray(String[]::new))
				.update();
		}
	}

}
