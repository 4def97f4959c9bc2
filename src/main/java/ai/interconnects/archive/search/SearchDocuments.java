package ai.interconnects.archive.search;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import ai.interconnects.archive.web.ArchiveStamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the ranking ({@link RankingRepository}) reads of {@code search_document}: the
 * archive's counts and the lengths, show and date of each episode holding a query word
 * (V19 keeps the show and date beside the lengths). When those episodes are most of the
 * archive (a common word), every row is read once and the counts are made from it: one
 * statement without a list of ids, which costs about half of the two (BENCHMARKS.md, "Run
 * K").
 */
@Repository
class SearchDocuments {

	private static final String COLUMNS = """
			episode_id, title_length, chapter_length, notes_length, speech_length, chapter_units, speech_units,
			podcast_id, published_at""";

	private final JdbcClient jdbc;

	private final ArchiveStamp stamps;

	SearchDocuments(JdbcClient jdbc, ArchiveStamp stamps) {
		this.jdbc = jdbc;
		this.stamps = stamps;
	}

	/**
	 * The archive's counts, and each episode the rows name with room for each of the
	 * {@code lexemes}' scores.
	 */
	record Read(EpisodeScores.Corpus corpus, Map<Long, EpisodeScores.Found> found) {
	}

	Read read(List<EpisodeScores.Term> terms, int lexemes) {
		var ids = new HashSet<Long>();
		terms.forEach((term) -> ids.add(term.episodeId()));
		var found = new HashMap<Long, EpisodeScores.Found>(ids.size() * 2);
		// the stamp's count of episodes, read for this request already, says which way
		// reads less; either gives the same answer
		if (ids.size() * 2L > this.stamps.current().episodes()) {
			var totals = new Totals();
			this.jdbc.sql("select " + COLUMNS + " from search_document").query((rs) -> {
				var document = document(rs);
				totals.add(document, rs.getInt(6), rs.getInt(7));
				if (ids.contains(document.episodeId())) {
					found.put(document.episodeId(), new EpisodeScores.Found(document, lexemes));
				}
			});
			return new Read(totals.corpus(), found);
		}
		if (!ids.isEmpty()) {
			this.jdbc.sql("select " + COLUMNS + " from search_document where episode_id = any(:ids)")
				.param("ids", ids.toArray(Long[]::new))
				.query((rs) -> {
					var document = document(rs);
					found.put(document.episodeId(), new EpisodeScores.Found(document, lexemes));
				});
		}
		return new Read(corpus(), found);
	}

	private static EpisodeScores.Document document(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new EpisodeScores.Document(rs.getLong(1),
				new int[] { rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5) }, rs.getLong(8),
				rs.getObject(9, OffsetDateTime.class));
	}

	/** The archive's counts: episodes per field, average lengths. */
	private EpisodeScores.Corpus corpus() {
		return this.jdbc.sql("""
				select count(*) filter (where title_length > 0)::float8,
				    count(*) filter (where chapter_length > 0)::float8,
				    count(*) filter (where notes_length > 0)::float8,
				    count(*) filter (where speech_length > 0)::float8,
				    coalesce(avg(nullif(title_length, 0)), 1)::float8,
				    coalesce(avg(nullif(chapter_length, 0)), 1)::float8,
				    coalesce(avg(nullif(notes_length, 0)), 1)::float8,
				    coalesce(avg(nullif(speech_length, 0)), 1)::float8,
				    coalesce(sum(chapter_length)::float8 / nullif(sum(chapter_units), 0), 1),
				    coalesce(sum(speech_length)::float8 / nullif(sum(speech_units), 0), 1)
				from search_document
				""")
			.query((rs, n) -> new EpisodeScores.Corpus(
					new double[] { rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4) },
					new double[] { rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8) },
					new double[] { rs.getDouble(5), rs.getDouble(9), rs.getDouble(7), rs.getDouble(10) }))
			.single();
	}

	/**
	 * {@link #corpus}'s counts made from every row, as the statement makes them: the
	 * averages in decimal arithmetic (PostgreSQL's {@code avg} of integers is a numeric),
	 * the moment lengths in doubles.
	 */
	private static final class Totals {

		private final long[] episodes = new long[EpisodeScores.FIELDS];

		private final long[] lengths = new long[EpisodeScores.FIELDS];

		private long chapterUnits;

		private long speechUnits;

		void add(EpisodeScores.Document document, int chapterUnits, int speechUnits) {
			for (int f = 0; f < EpisodeScores.FIELDS; f++) {
				if (document.lengths()[f] > 0) {
					this.episodes[f]++;
					this.lengths[f] += document.lengths()[f];
				}
			}
			this.chapterUnits += chapterUnits;
			this.speechUnits += speechUnits;
		}

		EpisodeScores.Corpus corpus() {
			var docs = new double[EpisodeScores.FIELDS];
			var averages = new double[EpisodeScores.FIELDS];
			for (int f = 0; f < EpisodeScores.FIELDS; f++) {
				docs[f] = this.episodes[f];
				averages[f] = (this.episodes[f] == 0) ? 1
						: BigDecimal.valueOf(this.lengths[f])
							.divide(BigDecimal.valueOf(this.episodes[f]), MathContext.DECIMAL128)
							.doubleValue();
			}
			double chapter = (this.chapterUnits == 0) ? 1 : (double) this.lengths[1] / this.chapterUnits;
			double speech = (this.speechUnits == 0) ? 1 : (double) this.lengths[3] / this.speechUnits;
			return new EpisodeScores.Corpus(docs, averages, new double[] { averages[0], chapter, averages[2], speech });
		}

	}

}
