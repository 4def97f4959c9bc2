package ai.interconnects.archive.search;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.Comparator;

import org.springframework.stereotype.Repository;

/**
 * Step one of a search: orders every episode that contains a query word by BM25F from the
 * term statistics (V4 migration), reading only the query words' rows. The statement also
 * returns what {@link MomentRepository#moments} needs to score moments alike.
 */
@Repository
class RankingRepository {

	private final SearchDocuments documents;

	private final TermPostings postings;

	RankingRepository(SearchDocuments documents, TermPostings postings) {
		this.documents = documents;
		this.postings = postings;
	}

	/**
	 * An episode containing at least one query word.
	 *
	 * @param showId the show the episode belongs to
	 * @param units matching moments of each query lexeme (by index into the lexeme list)
	 * in the episode: segments and chapters containing it, title and notes if they do
	 * @param publishedAt the episode's date, for orders that break ties by it
	 */
	record Candidate(long episodeId, double score, int[] units, long showId, OffsetDateTime publishedAt) {
	}

	/**
	 * Every candidate in result order, and what {@link MomentRepository#moments} needs to
	 * score moments alike: each lexeme's IDF (0 for a word the archive lacks) and each
	 * field's average moment length. {@code unnarrowed} are the candidates of every show,
	 * which a read of the word indexes goes through whatever the show filter
	 * ({@link EpisodeMatcher}); the same list when not narrowed.
	 */
	record Ranking(List<Candidate> candidates, Map<MomentKind, double[]> idfs, Map<MomentKind, Double> unitLengths,
			List<Candidate> unnarrowed) {

		Ranking(List<Candidate> candidates, Map<MomentKind, double[]> idfs, Map<MomentKind, Double> unitLengths) {
			this(candidates, idfs, unitLengths, candidates);
		}

		/** Whether these are the candidates of some shows only. */
		boolean narrowed() {
			return this.unnarrowed != this.candidates;
		}

		/** The candidates of these shows only (none: every show). */
		Ranking inShows(List<Long> showIds) {
			if (showIds.isEmpty()) {
				return this;
			}
			return new Ranking(this.candidates.stream().filter((c) -> showIds.contains(c.showId())).toList(), this.idfs,
					this.unitLengths, this.unnarrowed);
		}

	}

	/**
	 * BM25F over the term statistics (see {@link Bm25}, {@link EpisodeScores} and README
	 * "Search"). IDF and the average lengths are archive-wide (filters do not change
	 * them). With a speaker filter only speech counts: titles, chapters and notes have no
	 * speaker. The database reads the query words' rows, the archive's counts and the
	 * found episodes' lengths; the scores are added up here, lexeme by lexeme, and
	 * rounded, so that summation order can never reorder equal episodes; ties go to the
	 * newer episode, then the higher id.
	 */
	Ranking rank(SearchRequest request, List<String> lexemes) {
		boolean speech = request.speaker() != null;
		// every row of the words, packed (V20): the document frequencies count them all,
		// whatever the filters
		var postings = this.postings.read(lexemes, speech);
		var terms = postings.terms();
		var frequencies = postings.frequencies();
		var documents = this.documents.read(terms, lexemes.size());
		var corpus = documents.corpus();
		var idfs = new double[lexemes.size()][];
		for (int i = 0; i < idfs.length; i++) {
			idfs[i] = EpisodeScores.idfs(corpus, frequencies[i]);
		}
		// one entry per episode the dates and shows admit: each lexeme's score and
		// matching moments
		var byEpisode = documents.found();
		byEpisode.values()
			.removeIf((found) -> !SearchFilters.admits(request, found.document().publishedAt(),
					found.document().showId()));
		for (var term : terms) {
			var found = byEpisode.get(term.episodeId());
			if (found != null) {
				found.scores()[term.lexeme()] = EpisodeScores.term(term, found.document(), idfs[term.lexeme()], corpus,
						speech);
				found.units()[term.lexeme()] = term.units();
			}
		}
		var candidates = new ArrayList<Candidate>(byEpisode.size());
		byEpisode.forEach((id, found) -> {
			double score = 0;
			for (double lexeme : found.scores()) {
				score += lexeme;
			}
			candidates.add(new Candidate(id, EpisodeScores.rounded(score), found.units(), found.document().showId(),
					found.document().publishedAt()));
		});
		candidates.sort(order(request.sort()));
		return new Ranking(candidates, kinds(idfs, lexemes.size()), unitLengths(corpus));
	}

	private static Comparator<Candidate> order(SearchSort sort) {
		var newest = Comparator.comparing(Candidate::publishedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
			.thenComparingLong(Candidate::episodeId);
		return ((sort == SearchSort.NEWEST) ? newest
				: Comparator.comparingDouble(Candidate::score).thenComparing(newest))
			.reversed();
	}

	private static Map<MomentKind, double[]> kinds(double[][] idfs, int lexemes) {
		var kinds = new HashMap<MomentKind, double[]>();
		for (int f = 0; f < EpisodeScores.FIELDS; f++) {
			var field = new double[lexemes];
			for (int i = 0; i < lexemes; i++) {
				field[i] = idfs[i][f];
			}
			kinds.put(EpisodeScores.KINDS.get(f), field);
		}
		return kinds;
	}

	private static Map<MomentKind, Double> unitLengths(EpisodeScores.Corpus corpus) {
		var lengths = new HashMap<MomentKind, Double>();
		for (int f = 0; f < EpisodeScores.FIELDS; f++) {
			lengths.put(EpisodeScores.KINDS.get(f), corpus.unitLengths()[f]);
		}
		return lengths;
	}

}
