package ai.interconnects.archive.episode.web;

import java.util.List;

/** The models of the reading pages, each loaded whole by {@link ReadingService}. */
final class Pages {

	private Pages() {
	}

	/**
	 * One page of the archive, newest first; {@code lastPoll} is only set when it is
	 * empty.
	 */
	public record Archive(List<EpisodeCard> episodes, int page, int totalPages, long totalEpisodes,
			PollStatus lastPoll) {

		public boolean hasPrevious() {
			return this.page > 1;
		}

		public boolean hasNext() {
			return this.page < this.totalPages;
		}

	}

	/**
	 * An episode with its chapters; {@code newer} and {@code older} may be null, and
	 * {@code quote} is set when the page was opened at a moment.
	 */
	public record EpisodePage(EpisodeView episode, List<ChapterView> chapters, long segmentCount, Neighbour newer,
			Neighbour older, Quote quote) {

		public boolean hasTranscript() {
			return this.segmentCount > 0;
		}

		/**
		 * Minutes to read the show notes (at 230 words a minute): the audio essays have
		 * no transcript and their notes are the text.
		 */
		public int readingMinutes() {
			var notes = this.episode.showNotesHtml();
			if (notes == null || notes.isBlank()) {
				return 0;
			}
			var words = org.jsoup.Jsoup.parse(notes).text().split("\\s+").length;
			return Math.max(1, Math.round(words / 230f));
		}

	}

	/** The whole transcript with chapter headings interleaved at their start times. */
	public record TranscriptPage(EpisodeView episode, List<ChapterView> chapters, List<TranscriptEntry> entries,
			int segmentCount, int matchCount, Quote quote) {

		public boolean hasTranscript() {
			return this.segmentCount > 0;
		}

		/** The anchor of the first paragraph matching the search, or null. */
		public String firstMatch() {
			return this.entries.stream()
				.map(TranscriptEntry::segment)
				.filter((segment) -> segment != null && segment.match())
				.map(SegmentView::anchor)
				.findFirst()
				.orElse(null);
		}

	}

	/** One chapter with its paragraphs; {@code previous} and {@code next} may be null. */
	public record ChapterPage(EpisodeView episode, List<ChapterView> chapters, ChapterView chapter,
			List<SegmentView> segments, ChapterView previous, ChapterView next) {

	}

	/** Every chapter of one episode, for {@code /chapters}. */
	public record EpisodeChapters(String slug, String title, String date, String isoDate, List<ChapterView> chapters) {

	}

}
