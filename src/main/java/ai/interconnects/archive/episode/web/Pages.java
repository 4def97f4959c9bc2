package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.web.PollStatus;

import java.util.List;

import ai.interconnects.archive.search.FindResult;

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
	 * An episode with its chapters and the other files of its media; {@code newer} and
	 * {@code older} may be null, and {@code quote} is set when the page was opened at a
	 * moment.
	 */
	public record EpisodePage(EpisodeView episode, List<ChapterView> chapters, long segmentCount, Neighbour newer,
			Neighbour older, Quote quote, AudioEssay reading, List<AlternateView> alternates) {

		public boolean hasTranscript() {
			return this.segmentCount > 0;
		}

		/** An audio essay (see {@link AudioEssay}) reads as a text: its notes are it. */
		public boolean essay() {
			return this.reading.essay();
		}

		/** Minutes to read an essay's text; 0 for any other episode. */
		public int readingMinutes() {
			return this.reading.readingMinutes();
		}

	}

	/**
	 * The whole transcript with chapter headings interleaved at their start times.
	 * {@code fileTrouble} is why the publisher's transcript file could not be read, or
	 * null (read, not tried yet, or not current and not looked at). {@code find} is what
	 * the find bar found for {@code ?q=}, or null without a query.
	 */
	public record TranscriptPage(EpisodeView episode, List<ChapterView> chapters, List<TranscriptEntry> entries,
			int segmentCount, int matchCount, Quote quote, AudioEssay reading, FileTrouble fileTrouble,
			FindResult find) {

		public boolean hasTranscript() {
			return this.segmentCount > 0;
		}

		/**
		 * Without a transcript: whether the episode is an audio essay to read instead.
		 */
		public boolean essay() {
			return this.reading.essay();
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
