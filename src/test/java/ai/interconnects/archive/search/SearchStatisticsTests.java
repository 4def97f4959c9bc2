package ai.interconnects.archive.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ai.interconnects.archive.support.DatabaseTest;
import ai.interconnects.archive.support.DatabaseCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The term statistics (V4 migration) always equal what PostgreSQL's own {@code ts_stat}
 * computes from the stored text, after every kind of change a re-ingest or re-parse
 * makes: inserted, edited and deleted segments and chapters, a transcript replaced in one
 * transaction, a changed title or notes, a deleted episode.
 * <p>
 * The statistics live in the database (triggers, a deferred recompute at commit), so a
 * database slice is enough; every statement commits on its own, as ingest's do.
 */
@DatabaseTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class SearchStatisticsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
		this.jdbc
			.sql("insert into podcast (id, configured_url, feed_url) overriding system value "
					+ "values (1, 'test:stats', 'test:stats')")
			.update();
		episode(1, "Distillation of reasoning models", "<p>Notes on <b>distillation</b> and models.</p>");
		episode(2, "Open models", "<p>Open weights.</p>");
		chapter(1, 0, "Why distillation works");
		chapter(1, 1, "Models, models, models");
		segments(1, "We talk about distillation.", "Distillation again: distilled models distil.",
				"Nothing to see here.");
		segments(2, "Open models and open weights.");
	}

	@Test
	void newEpisodesGetTheirStatistics() {
		assertStatisticsMatchTheText();
		assertThat(this.jdbc
			.sql("select speech_tf, speech_units, title_tf, chapter_tf, chapter_units, notes_tf "
					+ "from search_term where episode_id = 1 and lexeme = 'distil'")
			.query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6)))
			.single()).containsExactly(4, 2, 1, 1, 1, 1);
	}

	@Test
	void editedAndDeletedSegmentsAndChaptersUpdateThem() {
		this.jdbc.sql("update transcript_segment set text = 'Quokkas only.' where episode_id = 1 and position = 0")
			.update();
		assertStatisticsMatchTheText();
		this.jdbc.sql("delete from transcript_segment where episode_id = 1 and position = 1").update();
		assertStatisticsMatchTheText();
		this.jdbc.sql("update chapter set title = 'Quokka time' where episode_id = 1 and position = 0").update();
		this.jdbc.sql("delete from chapter where episode_id = 1 and position = 1").update();
		assertStatisticsMatchTheText();
		assertThat(lexemes(1)).contains("quokka").doesNotContain("talk");
	}

	@Test
	void aTranscriptReplacedInOneTransactionIsCountedOnceAtCommit() {
		this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.sql("delete from transcript_segment where episode_id = 1").update();
			for (int i = 0; i < 3; i++) {
				// like Hibernate's batch: one statement per row
				this.jdbc
					.sql("insert into transcript_segment (episode_id, position, start_seconds, text) "
							+ "values (1, :p, :p, 'Reward models ' || :p)")
					.param("p", i)
					.update();
			}
			// inside the transaction nothing is recomputed yet, only marked
			assertThat(this.jdbc.sql("select count(*) from search_stale_episode").query(Long.class).single())
				.isEqualTo(1);
		});
		assertStatisticsMatchTheText();
		assertThat(lexemes(1)).contains("reward").doesNotContain("talk");
	}

	@Test
	void aNewTitleOrNotesUpdateThemAndOtherEpisodeChangesDoNot() {
		this.jdbc.sql("update episode set title = 'Quokka hour', show_notes_html = '<p>Marmalade.</p>' where id = 2")
			.update();
		assertStatisticsMatchTheText();
		assertThat(lexemes(2)).contains("quokka", "marmalad");

		var before = this.jdbc.sql("select xmin::text from search_document where episode_id = 2")
			.query(String.class)
			.single();
		this.jdbc.sql("update episode set last_seen_at = now() + interval '1 day'").update();
		assertThat(this.jdbc.sql("select xmin::text from search_document where episode_id = 2")
			.query(String.class)
			.single()).as("not recomputed").isEqualTo(before);
	}

	@Test
	void aNewTitleRebuildsOnlyThePackedRowsOfTheWordsWhoseFiguresChanged() {
		var before = postingVersions();
		this.jdbc.sql("update episode set title = 'Open quokkas' where id = 2").update();
		assertStatisticsMatchTheText();
		var after = postingVersions();
		// "open" is in the title as before, "weight" only in the notes and speech;
		// "model" left the title (still in the speech), "quokka" arrived
		assertThat(after.get("open")).isEqualTo(before.get("open"));
		assertThat(after.get("weight")).isEqualTo(before.get("weight"));
		assertThat(after.get("distil")).as("episode 1's word, in the same group").isEqualTo(before.get("distil"));
		assertThat(after.get("model")).isNotEqualTo(before.get("model"));
		assertThat(after).containsKey("quokka");
		assertThat(before).doesNotContainKey("quokka");
	}

	/** Each packed row's row version, by word (every episode here is in group 0). */
	private Map<String, String> postingVersions() {
		var versions = new HashMap<String, String>();
		this.jdbc.sql("select lexeme, xmin::text from search_posting where bucket = 0")
			.query((rs, n) -> versions.put(rs.getString(1), rs.getString(2)))
			.list();
		return versions;
	}

	@Test
	void theEpisodesShowAndDateAreKeptBesideItsLengthsWithoutARecompute() {
		this.jdbc.sql("update episode set published_at = '2025-03-04T05:06:07Z' where id = 1").update();
		assertThat(showAndDate(1)).isEqualTo("1 2025-03-04 05:06:07+00");
		var before = termVersions(1);
		this.jdbc
			.sql("insert into podcast (id, configured_url, feed_url) overriding system value "
					+ "values (2, 'test:other', 'test:other')")
			.update();
		this.jdbc.sql("update episode set podcast_id = 2, published_at = null where id = 1").update();
		assertThat(showAndDate(1)).isEqualTo("2 null");
		assertThat(termVersions(1)).as("the statistics are not recomputed").isEqualTo(before);
		assertThat(showAndDate(2)).as("a new episode's row has them too").isEqualTo("1 null");
		assertStatisticsMatchTheText();
	}

	private List<String> termVersions(long episode) {
		return this.jdbc.sql("select xmin::text from search_term where episode_id = ? order by lexeme")
			.param(episode)
			.query(String.class)
			.list();
	}

	private String showAndDate(long episode) {
		return this.jdbc
			.sql("select podcast_id || ' ' || coalesce(to_char(published_at at time zone 'UTC', "
					+ "'YYYY-MM-DD HH24:MI:SS') || '+00', 'null') from search_document where episode_id = ?")
			.param(episode)
			.query(String.class)
			.single();
	}

	@Test
	void twoEpisodesOfOneGroupOf32StoredAtOnceAreBothPacked() throws Exception {
		episode(33, "Thirty-three", "<p>Quokka notes.</p>");
		episode(34, "Thirty-four", "<p>Quokka notes.</p>");
		var firstRebuilt = new CountDownLatch(1);
		var commitFirst = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var stored = new ArrayList<Future<?>>();
			for (long id : List.of(33L, 34L)) {
				stored.add(pool.submit(() -> this.transactions.executeWithoutResult((tx) -> {
					if (id == 34) {
						awaitQuietly(firstRebuilt);
					}
					this.jdbc
						.sql("insert into transcript_segment (episode_id, position, start_seconds, text) "
								+ "values (?, 0, 0, 'Shared quokka words ' || ?)")
						.params(id, id)
						.update();
					// the rebuild a commit runs, run now: the first holds the group's
					// rebuilt rows uncommitted while the second rebuilds the same group
					this.jdbc.sql("select search_refresh_episode(?)").param(id).query((rs) -> {
					});
					if (id == 33) {
						firstRebuilt.countDown();
						awaitQuietly(commitFirst);
					}
				})));
			}
			assertThat(firstRebuilt.await(10, TimeUnit.SECONDS)).isTrue();
			// the second is waiting for the first by now
			Thread.sleep(300);
			commitFirst.countDown();
			for (var future : stored) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertStatisticsMatchTheText();
		assertThat(count("select count(*) from search_term where lexeme = 'quokka' and episode_id in (33, 34)"))
			.isEqualTo(2);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void aDeletedEpisodeLeavesNoStatistics() {
		this.jdbc.sql("delete from episode where id = 1").update();
		assertStatisticsMatchTheText();
		assertThat(this.jdbc.sql("select count(*) from search_term where episode_id = 1").query(Long.class).single())
			.isZero();
		assertThat(this.jdbc.sql("select count(*) from search_document").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aMomentScoredInJavaScoresAsInSql() {
		var sql = "select " + MomentRepository.momentRelevance(2)
				+ " from (select array[1.7, 0.4]::float8[] as idfs, 4.0::float8 as weight, 13 as length,"
				+ " 17.02::float8 as unit_length) m, (select 2::bigint as tf_1, 0::bigint as tf_2) x";
		double inSql = this.jdbc.sql(sql).param("k1", Bm25.K1).param("b", Bm25.B).query(Double.class).single();
		assertThat(Bm25.moment(1.7, 4.0, 2, 13, 17.02) + Bm25.moment(0.4, 4.0, 0, 13, 17.02)).isEqualTo(inSql)
			.isPositive();
	}

	@Test
	void lexemeCountsReadPostgresqlsOwnTextOfAVector() {
		var lexemes = List.of("it's", "a\\b", "x y", "plain", "absent");
		var text = this.jdbc.sql("select " + LexemeCounts.found("v") + " from (select :v::tsvector as v) t")
			.param("v", "'it''s':1 'a\\\\b':2,3 'x y':4,5,6 plain:8 other:7")
			.param("lexemes", lexemes.toArray(String[]::new))
			.query(String.class)
			.single();
		assertThat(text).doesNotContain("other");
		assertThat(LexemeCounts.of(text, lexemes)).containsExactly(1, 2, 3, 1, 0);
	}

	private List<String> lexemes(long episode) {
		return this.jdbc.sql("select lexeme from search_term where episode_id = ?")
			.param(episode)
			.query(String.class)
			.list();
	}

	/**
	 * Every episode's stored statistics equal ts_stat over its texts, nothing is left
	 * marked stale, and no statistics remain for episodes that are gone.
	 */
	/**
	 * The packed rows (V20) hold exactly the term rows, each in its group of 32 episodes,
	 * decoded here in SQL.
	 */
	private void assertPostingsAreTheTermRows() {
		var rows = "select lexeme, episode_id, title_tf, chapter_tf, notes_tf, speech_tf, chapter_units, speech_units, "
				+ "(episode_id / 32)::int from search_term";
		var decoded = """
				select p.lexeme, ('x' || encode(substring(p.postings from 1 + 32 * k for 8), 'hex'))::bit(64)::bigint,
				    %s, p.bucket
				from search_posting p, generate_series(0, length(p.postings) / 32 - 1) k
				""".formatted(String.join(", ", java.util.stream.IntStream.range(0, 6)
			.mapToObj((f) -> "('x' || encode(substring(p.postings from %d + 32 * k for 4), 'hex'))::bit(32)::int"
				.formatted(9 + 4 * f))
			.toList()));
		assertThat(count("select count(*) from (" + rows + " except " + decoded + ") x")).as("term rows not packed")
			.isZero();
		assertThat(count("select count(*) from (" + decoded + " except " + rows + ") x")).as("packed rows not terms")
			.isZero();
		assertThat(count("select count(*) from (" + decoded + ") x"))
			.isEqualTo(count("select count(*) from search_term"));
	}

	private void assertStatisticsMatchTheText() {
		assertThat(this.jdbc.sql("select count(*) from search_stale_episode").query(Long.class).single()).isZero();
		assertPostingsAreTheTermRows();
		var episodes = this.jdbc.sql("select id from episode order by id").query(Long.class).list();
		assertThat(this.jdbc.sql("select episode_id from search_document order by episode_id").query(Long.class).list())
			.isEqualTo(episodes);
		for (long id : episodes) {
			var expected = new HashMap<String, int[]>();
			add(expected, "select title_vector from episode where id = " + id, 0, -1);
			add(expected, "select search_vector from chapter where episode_id = " + id, 1, 4);
			add(expected, "select notes_vector from episode where id = " + id, 2, -1);
			add(expected, "select search_vector from transcript_segment where episode_id = " + id, 3, 5);
			var actual = new HashMap<String, List<Integer>>();
			this.jdbc.sql("select * from search_term where episode_id = ?").param(id).query((rs) -> {
				actual.put(rs.getString("lexeme"),
						List.of(rs.getInt("title_tf"), rs.getInt("chapter_tf"), rs.getInt("notes_tf"),
								rs.getInt("speech_tf"), rs.getInt("chapter_units"), rs.getInt("speech_units")));
			});
			var expectedLists = new HashMap<String, List<Integer>>();
			expected.forEach((k, v) -> expectedLists.put(k, List.of(v[0], v[1], v[2], v[3], v[4], v[5])));
			assertThat(actual).as("episode %d", id).isEqualTo(expectedLists);
			var lengths = this.jdbc
				.sql("select title_length, chapter_length, notes_length, speech_length, chapter_units, speech_units "
						+ "from search_document where episode_id = ?")
				.param(id)
				.query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
						rs.getInt(6)))
				.single();
			int[] sums = new int[4];
			expected.values().forEach((v) -> {
				for (int f = 0; f < 4; f++) {
					sums[f] += v[f];
				}
			});
			assertThat(lengths).as("lengths of episode %d", id)
				.containsExactly(sums[0], sums[1], sums[2], sums[3],
						count("select count(*) from chapter where episode_id = " + id),
						count("select count(*) from transcript_segment where episode_id = " + id));
			// each paragraph keeps its own length (V17), the one BM25 normalises a moment
			// by
			assertThat(count("select coalesce(sum(search_length), 0) from transcript_segment where episode_id = " + id))
				.as("paragraph lengths of episode %d", id)
				.isEqualTo(sums[3]);
			assertThat(speechMoments(id)).as("paragraphs holding each lexeme in episode %d (V18)", id)
				.isEqualTo(expectedSpeechMoments(id, expected.keySet()));
		}
	}

	private Map<String, String> speechMoments(long episode) {
		var moments = new HashMap<String, String>();
		this.jdbc.sql("select lexeme, speech_moments::text as moments from search_term where episode_id = ?")
			.param(episode)
			.query((rs) -> {
				moments.put(rs.getString("lexeme"), rs.getString("moments"));
			});
		return moments;
	}

	/**
	 * Each lexeme's {position, occurrences, length} triples, paragraph by paragraph in
	 * order of position, from ts_stat over each paragraph alone; null without one.
	 */
	private Map<String, String> expectedSpeechMoments(long episode, java.util.Set<String> lexemes) {
		var triples = new HashMap<String, List<String>>();
		var paragraphs = this.jdbc
			.sql("select position, search_length from transcript_segment where episode_id = ? order by position")
			.param(episode)
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) })
			.list();
		for (var paragraph : paragraphs) {
			this.jdbc.sql("select word, nentry from ts_stat(:sql)")
				.param("sql",
						"select search_vector from transcript_segment where episode_id = " + episode
								+ " and position = " + paragraph[0])
				.query((rs) -> {
					triples.computeIfAbsent(rs.getString("word"), (w) -> new ArrayList<>())
						.add("{" + paragraph[0] + "," + rs.getInt("nentry") + "," + paragraph[1] + "}");
				});
		}
		var expected = new HashMap<String, String>();
		for (var lexeme : lexemes) {
			var list = triples.get(lexeme);
			expected.put(lexeme, (list != null) ? "{" + String.join(",", list) + "}" : null);
		}
		return expected;
	}

	/** Adds ts_stat's occurrences (nentry) and texts (ndoc) of one field. */
	private void add(Map<String, int[]> into, String vectors, int field, int unitsField) {
		this.jdbc.sql("select word, ndoc, nentry from ts_stat(:sql)").param("sql", vectors).query((rs) -> {
			var row = into.computeIfAbsent(rs.getString("word"), (w) -> new int[6]);
			row[field] += rs.getInt("nentry");
			if (unitsField >= 0) {
				row[unitsField] += rs.getInt("ndoc");
			}
		});
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).query(Integer.class).single();
	}

	private void episode(long id, String title, String notes) {
		this.jdbc.sql("""
				insert into episode (id, podcast_id, guid, slug, title, show_notes_html, content_hash,
				    first_seen_at, last_seen_at, updated_at)
				values (:id, 1, :slug, :slug, :title, :notes, 'x', now(), now(), now())
				""").param("id", id).param("slug", "e" + id).param("title", title).param("notes", notes).update();
	}

	private void chapter(long episode, int position, String title) {
		this.jdbc.sql("insert into chapter (episode_id, position, start_seconds, title) values (?, ?, ?, ?)")
			.params(episode, position, position * 60, title)
			.update();
	}

	private void segments(long episode, String... texts) {
		for (int i = 0; i < texts.length; i++) {
			this.jdbc
				.sql("insert into transcript_segment (episode_id, position, start_seconds, text) values (?, ?, ?, ?)")
				.params(episode, i, i * 10, texts[i])
				.update();
		}
	}

}
