package ai.interconnects.archive.search;

import java.time.LocalDate;
import java.util.List;

import ai.interconnects.archive.web.Formats;

/**
 * One page of search results.
 *
 * @param request the cleaned request
 * @param outcome whether a search ran and what kept it from running
 * @param episodes the page's episodes, each with its best moments
 * @param totalMoments matching moments in the archive
 * @param momentsEstimated whether {@code totalMoments} is an estimate (exact for a
 * one-word query without a speaker filter)
 * @param totalEpisodes matching episodes
 * @param episodesEstimated whether {@code totalEpisodes} (and so the page count) is an
 * estimate: not every episode containing the words was checked against the query
 * @param page the page shown, 1-based, clamped to the existing pages
 * @param pageCount number of pages
 * @param suggestions close archive words when nothing matched
 * @param mode how the results were ranked: by meaning and words, or by words only
 */
record SearchResults(SearchRequest request, Outcome outcome, List<EpisodeResult> episodes, long totalMoments,
		boolean momentsEstimated, long totalEpisodes, boolean episodesEstimated, int page, int pageCount,
		List<SearchVocabulary.Suggestion> suggestions, SearchMode mode) {

	/** Results of keyword search. */
	SearchResults(SearchRequest request, Outcome outcome, List<EpisodeResult> episodes, long totalMoments,
			boolean momentsEstimated, long totalEpisodes, boolean episodesEstimated, int page, int pageCount,
			List<SearchVocabulary.Suggestion> suggestions) {
		this(request, outcome, episodes, totalMoments, momentsEstimated, totalEpisodes, episodesEstimated, page,
				pageCount, suggestions, SearchMode.WORDS);
	}

	/** The same results for another request (one with a notice added). */
	SearchResults withRequest(SearchRequest other) {
		return new SearchResults(other, this.outcome, this.episodes, this.totalMoments, this.momentsEstimated,
				this.totalEpisodes, this.episodesEstimated, this.page, this.pageCount, this.suggestions, this.mode);
	}

	/** Why a moment is shown: it holds query words, or it is close in meaning. */
	enum Match {

		WORDS, MEANING

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
	record EpisodeResult(String slug, String title, String date, long moments, List<Moment> best) {

		/** "6 March 2026", as the reading pages print dates. */
		public String displayDate() {
			return (this.date != null) ? Formats.date(LocalDate.parse(this.date)) : null;
		}

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
