package ai.interconnects.archive.search;

import java.time.LocalDate;
import java.util.List;

import ai.interconnects.archive.web.Formats;

/**
 * One page of search results, made by the named factories below.
 *
 * @param request the cleaned request
 * @param outcome whether a search ran and what kept it from running
 * @param episodes the page's episodes, each with its best moments
 * @param counts how many moments and episodes match in the archive
 * @param page the page shown, 1-based, clamped to the existing pages
 * @param pageCount number of pages
 * @param help what the page tells beside the results: ignored words, suggestions, the
 * query shown instead of the one typed
 * @param mode how the results were ranked: by meaning and words, or by words only
 * @param shows in a library, the matching episodes per show without the show filter
 * ({@link ShowFacets}); empty with one show
 */
record SearchResults(SearchRequest request, Outcome outcome, List<EpisodeResult> episodes, Counts counts, int page,
		int pageCount, Help help, SearchMode mode, List<ShowFacets.Facet> shows) {

	SearchResults(SearchRequest request, Outcome outcome, List<EpisodeResult> episodes, Counts counts, int page,
			int pageCount, Help help, SearchMode mode) {
		this(request, outcome, episodes, counts, page, pageCount, help, mode, List.of());
	}

	/** Results of keyword search. */
	SearchResults(SearchRequest request, Outcome outcome, List<EpisodeResult> episodes, Counts counts, int page,
			int pageCount, Help help) {
		this(request, outcome, episodes, counts, page, pageCount, help, SearchMode.WORDS);
	}

	/** A page of the hybrid ranking (by meaning and words). */
	static SearchResults hybrid(SearchRequest request, List<EpisodeResult> episodes, Counts counts, int page,
			int pageCount, List<String> ignoredWords) {
		return new SearchResults(request, Outcome.SEARCHED, episodes, counts, page, pageCount,
				new Help(ignoredWords, List.of(), null), SearchMode.HYBRID);
	}

	/** The same results for another request (one with a notice added). */
	SearchResults withRequest(SearchRequest other) {
		return new SearchResults(other, this.outcome, this.episodes, this.counts, this.page, this.pageCount, this.help,
				this.mode, this.shows);
	}

	/** The same results with the show facet. */
	SearchResults withShows(List<ShowFacets.Facet> facets) {
		return new SearchResults(this.request, this.outcome, this.episodes, this.counts, this.page, this.pageCount,
				this.help, this.mode, facets);
	}

	/** Why a moment is shown: it holds query words, or it is close in meaning. */
	enum Match {

		WORDS, MEANING

	}

	/** No query given: the form alone. */
	static SearchResults blank(SearchRequest request) {
		return new SearchResults(request, Outcome.EMPTY, List.of(), Counts.NONE, 1, 1, Help.NONE);
	}

	/** Every word typed is a stop-word: nothing is indexed for them. */
	static SearchResults stopWordsOnly(SearchRequest request, List<String> ignoredWords) {
		return new SearchResults(request, Outcome.STOP_WORDS_ONLY, List.of(), Counts.NONE, 1, 1,
				new Help(ignoredWords, List.of(), null));
	}

	/** The query only excludes words: it would match almost everything. */
	static SearchResults exclusionsOnly(SearchRequest request) {
		return new SearchResults(request, Outcome.EXCLUSIONS_ONLY, List.of(), Counts.NONE, 1, 1, Help.NONE);
	}

	/** The search ran and nothing matched, not even a name variant. */
	static SearchResults noMatch(SearchRequest request, List<String> ignoredWords,
			List<Suggestions.Suggestion> suggestions) {
		return new SearchResults(request, Outcome.SEARCHED, List.of(), Counts.NONE, 1, 1,
				new Help(ignoredWords, suggestions, null));
	}

	/** A page of matches. */
	static SearchResults found(SearchRequest request, List<EpisodeResult> episodes, Counts counts, int page,
			int pageCount, List<String> ignoredWords) {
		return new SearchResults(request, Outcome.SEARCHED, episodes, counts, page, pageCount,
				new Help(ignoredWords, List.of(), null));
	}

	/** These results are for {@code query}, a name variant of the query typed. */
	SearchResults showingResultsFor(String query) {
		return new SearchResults(this.request, this.outcome, this.episodes, this.counts, this.page, this.pageCount,
				new Help(this.help.ignoredWords(), List.of(), query), this.mode, this.shows);
	}

	/** The query whose matches these are: the name variant, when one was searched. */
	public String searchedQuery() {
		return (this.help.showingResultsFor() != null) ? this.help.showingResultsFor() : this.request.query();
	}

	public long totalMoments() {
		return this.counts.moments();
	}

	public boolean momentsEstimated() {
		return this.counts.momentsEstimated();
	}

	public long totalEpisodes() {
		return this.counts.episodes();
	}

	public boolean episodesEstimated() {
		return this.counts.episodesEstimated();
	}

	public List<Suggestions.Suggestion> suggestions() {
		return this.help.suggestions();
	}

	/**
	 * Matching moments and episodes in the archive.
	 *
	 * @param moments matching moments
	 * @param momentsEstimated whether {@code moments} is an estimate (exact for a
	 * one-word query without a speaker filter, or words that rarely meet)
	 * @param episodes matching episodes
	 * @param episodesEstimated whether {@code episodes} (and so the page count) is an
	 * estimate: not every episode containing the words was checked against the query
	 */
	record Counts(long moments, boolean momentsEstimated, long episodes, boolean episodesEstimated) {

		static final Counts NONE = new Counts(0, false, 0, false);

	}

	/**
	 * @param ignoredWords words typed that the index does not hold (stop-words: "the")
	 * @param suggestions whole queries to try instead, when nothing matched
	 * @param showingResultsFor the name variant searched because the query as typed
	 * matched nothing, or null
	 */
	record Help(List<String> ignoredWords, List<Suggestions.Suggestion> suggestions, String showingResultsFor) {

		static final Help NONE = new Help(List.of(), List.of(), null);

		/** "“the” is too common to search for", or empty. */
		public String ignoredText() {
			return QueryAnalysis.explainIgnored(this.ignoredWords);
		}

	}

	enum Outcome {

		/** No query given: show the form. */
		EMPTY,
		/** The query has only stop-words ("the", "and"): nothing is indexed for it. */
		STOP_WORDS_ONLY,
		/** The query only excludes words ("-model"): it would match almost everything. */
		EXCLUSIONS_ONLY,
		/** The search ran (possibly without results). */
		SEARCHED

	}

	/** An episode with its matching moments. */
	record EpisodeResult(String slug, String title, String date, long moments, List<Moment> best, ShowName show) {

		EpisodeResult(String slug, String title, String date, long moments, List<Moment> best) {
			this(slug, title, date, moments, best, null);
		}

		/** "6 March 2026", as the reading pages print dates. */
		public String displayDate() {
			return (this.date != null) ? Formats.date(LocalDate.parse(this.date)) : null;
		}

	}

	/** The show an episode belongs to, as results name it. */
	record ShowName(String slug, String title) {
	}

	/**
	 * A matching moment.
	 *
	 * @param kind where the moment is
	 * @param speaker who spoke (segments only)
	 * @param time the timestamp shown ({@code 12:34}), or null
	 * @param excerptHtml escaped excerpt with {@code <mark>}ed matches
	 * @param playLink the episode page, at the moment when it has a time
	 * @param transcriptLink the transcript anchor of a segment, or null
	 * @param match whether it holds query words or was found by meaning alone (then its
	 * excerpt marks nothing)
	 */
	record Moment(MomentKind kind, String speaker, String time, String excerptHtml, String playLink,
			String transcriptLink, Match match) {

		Moment(MomentKind kind, String speaker, String time, String excerptHtml, String playLink,
				String transcriptLink) {
			this(kind, speaker, time, excerptHtml, playLink, transcriptLink, Match.WORDS);
		}

	}

}
