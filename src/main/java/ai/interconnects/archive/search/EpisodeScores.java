package ai.interconnects.archive.search;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The arithmetic of step one of a search ({@link RankingRepository}): each episode's
 * weighted per-field BM25 from its term statistics (README "Search"), computed here from
 * the rows the database reads rather than by the database, which spent most of a common
 * query's time on the per-row arithmetic and the grouping (BENCHMARKS.md, "Run I").
 */
final class EpisodeScores {

	/**
	 * The fields, as the moments they are made of, in the order the score adds them:
	 * title, chapters, notes, speech.
	 */
	static final List<MomentKind> KINDS = List.of(MomentKind.TITLE, MomentKind.CHAPTER, MomentKind.NOTES,
			MomentKind.SEGMENT);

	static final int FIELDS = KINDS.size();

	/** 15 significant digits: PostgreSQL's float8 to numeric cast. */
	private static final MathContext FLOAT8_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);

	private EpisodeScores() {
	}

	/**
	 * One query lexeme ({@code lexeme}, its index in the query) in one episode: its
	 * occurrences in each field ({@link #FIELDS} order) and its matching moments.
	 */
	record Term(long episodeId, int lexeme, int[] tfs, int units) {
	}

	/** An episode's length in tokens per field, its show and its date. */
	record Document(long episodeId, int[] lengths, long showId, OffsetDateTime publishedAt) {
	}

	/**
	 * An episode found by the query: its document and, per query lexeme, its score and
	 * matching moments.
	 */
	record Found(Document document, double[] scores, int[] units) {

		Found(Document document, int lexemes) {
			this(document, new double[lexemes], new int[lexemes]);
		}

	}

	/**
	 * The archive's counts: episodes with each field ({@code docs}), each field's average
	 * length over the episodes that have it ({@code averages}), and the average moment of
	 * each field ({@code unitLengths}: title, chapter, notes, transcript paragraph).
	 */
	record Corpus(double[] docs, double[] averages, double[] unitLengths) {
	}

	/**
	 * A word's IDF in each field, from the episodes holding it there ({@code frequencies}
	 * per field); 0 in every field for a word no episode holds.
	 */
	static double[] idfs(Corpus corpus, long[] frequencies) {
		var idfs = new double[FIELDS];
		long any = 0;
		for (long frequency : frequencies) {
			any += frequency;
		}
		if (any == 0) {
			return idfs;
		}
		for (int f = 0; f < FIELDS; f++) {
			idfs[f] = Math.log(1 + (corpus.docs()[f] - frequencies[f] + 0.5) / (frequencies[f] + 0.5));
		}
		return idfs;
	}

	/**
	 * One lexeme's share of an episode's score: per field, the moment formula
	 * ({@link Bm25#moment}) with the whole field as the moment and the field's average
	 * length over the episodes; a field without the word adds nothing.
	 * {@code speechOnly}: only speech counts (a speaker filter).
	 */
	static double term(Term term, Document document, double[] idfs, Corpus corpus, boolean speechOnly) {
		double score = 0;
		for (int f = speechOnly ? FIELDS - 1 : 0; f < FIELDS; f++) {
			int tf = term.tfs()[f];
			if (tf > 0) {
				score += Bm25.moment(idfs[f], Bm25.weight(KINDS.get(f)), tf, document.lengths()[f],
						corpus.averages()[f]);
			}
		}
		return score;
	}

	/**
	 * The score rounded to nine decimals, as the ranking always did: summation order can
	 * never reorder equal episodes. That is PostgreSQL's float8 to numeric cast (15
	 * significant digits, {@link #exactlyRounded}) and then nine decimals, half up;
	 * computed in doubles when the score is not near a rounding boundary, where both
	 * roundings give the same nine decimals, since the decimal arithmetic took a third of
	 * a common query's ranking at 5,000 episodes (BENCHMARKS.md, "Run J").
	 */
	static double rounded(double score) {
		if (score > 0 && score < 1e5) {
			// |score - its 15 digits| <= 5e-11 below 1e5: at most 0.05 in billionths,
			// and the product is within 0.02 of the exact one
			double billionths = score * 1e9;
			double fraction = billionths - Math.floor(billionths);
			if (Math.abs(fraction - 0.5) > 0.1) {
				return Math.floor(billionths + 0.5) / 1e9;
			}
		}
		return exactlyRounded(score);
	}

	/** {@link #rounded} in decimal arithmetic, as PostgreSQL rounds. */
	static double exactlyRounded(double score) {
		return new BigDecimal(score, FLOAT8_DIGITS).setScale(9, RoundingMode.HALF_UP).doubleValue();
	}

}
