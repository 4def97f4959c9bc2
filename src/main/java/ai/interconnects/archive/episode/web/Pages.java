package ai.interconnects.archive.episode.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import ai.interconnects.archive.episode.ShowCatalog;
import ai.interconnects.archive.search.FindResult;
import ai.interconnects.archive.search.Guests;
import ai.interconnects.archive.web.Formats;
import ai.interconnects.archive.web.PollStatus;

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
	}

	/**
	 * An episode with its chapters and the other files of its media; {@code newer} and
	 * {@code older} may be null, {@code quote} is set when the page was opened at a
	 * moment, and {@code guests} is who it is with.
	 */
	public record EpisodePage(EpisodeView episode, List<ChapterView> chapters, long segmentCount, Neighbour newer,
			Neighbour older, Quote quote, AudioEssay reading, List<AlternateView> alternates, Guests guests) {

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
	 * null (read, not tried yet, or not current and not looked at); {@code find} is what
	 * the find bar found for {@code ?q=}, or null without a query; {@code newer} and
	 * {@code older} may be null; {@code guests} is who the episode is with.
	 */
	public record TranscriptPage(EpisodeView episode, List<ChapterView> chapters, List<TranscriptEntry> entries,
			int segmentCount, int matchCount, Quote quote, AudioEssay reading, FileTrouble fileTrouble, FindResult find,
			Neighbour newer, Neighbour older, Guests guests) {

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
	public record EpisodeChapters(String slug, String title, Instant publishedAt, List<ChapterView> chapters) {

		public String date() {
			return Formats.date(this.publishedAt);
		}

		public String isoDate() {
			return Formats.isoDate(this.publishedAt);
		}

	}

	/**
	 * A page of {@code /chapters}: episodes with chapters, by year; in a library's
	 * {@code /chapters}, {@code shows} groups them by show (and {@code years} is empty),
	 * otherwise it is null.
	 */
	public record ChapterIndex(List<Year<EpisodeChapters>> years, int page, int totalPages, long totalEpisodes,
			List<ShowChapters> shows) {

		public boolean isEmpty() {
			return this.years.isEmpty() && (this.shows == null || this.shows.isEmpty());
		}

	}

	/** One show's part of a page of a library's {@code /chapters}. */
	public record ShowChapters(ShowCatalog.ShowRef show, List<Year<EpisodeChapters>> years) {

		/** A prefix for the element ids of its headings. */
		public String anchor() {
			return "show-" + this.show.slug();
		}

	}

	/** The chapters of these episodes, in the order of {@code ids}. */
	static List<EpisodeChapters> episodeChapters(List<Long> ids, List<ChapterRow> rows) {
		var byEpisode = new LinkedHashMap<Long, List<ChapterRow>>();
		ids.forEach((id) -> byEpisode.put(id, new ArrayList<>()));
		rows.forEach((row) -> byEpisode.computeIfAbsent(row.episodeId(), (id) -> new ArrayList<>()).add(row));
		var episodes = new ArrayList<EpisodeChapters>(byEpisode.size());
		for (var group : byEpisode.values()) {
			if (group.isEmpty()) {
				continue;
			}
			var head = group.get(0);
			var chapters = ChapterView.of(group.stream()
				.map((r) -> new ChapterView.Stored(r.startSeconds(), r.endSeconds(), r.title()))
				.toList(), head.durationSeconds());
			episodes.add(new EpisodeChapters(head.slug(), head.episodeTitle(), head.publishedAt(), chapters));
		}
		return episodes;
	}

	/** The items of one year ("2026"; "Undated" for items without a date), in order. */
	public record Year<T>(String year, List<T> items) {

		/** The element id of its heading. */
		public String anchor() {
			return "year-" + this.year.toLowerCase(Locale.ROOT);
		}

	}

	/** Items already in date order, grouped into years in that order. */
	static <T> List<Year<T>> byYear(List<T> items, Function<T, Instant> date) {
		var years = new ArrayList<Year<T>>();
		String current = null;
		List<T> group = null;
		for (var item : items) {
			var instant = date.apply(item);
			var year = (instant != null) ? String.valueOf(instant.atOffset(ZoneOffset.UTC).getYear()) : "Undated";
			if (!year.equals(current)) {
				current = year;
				group = new ArrayList<>();
				years.add(new Year<>(year, group));
			}
			group.add(item);
		}
		return years.stream().map((y) -> new Year<>(y.year(), List.copyOf(y.items()))).toList();
	}

}
