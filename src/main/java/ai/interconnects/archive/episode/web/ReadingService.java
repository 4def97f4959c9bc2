package ai.interconnects.archive.episode.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.interconnects.archive.episode.Chapter;
import ai.interconnects.archive.episode.ChapterRepository;
import ai.interconnects.archive.episode.Episode;
import ai.interconnects.archive.episode.EpisodeCatalog;
import ai.interconnects.archive.episode.EpisodeRepository;
import ai.interconnects.archive.episode.ShowCatalog;
import ai.interconnects.archive.episode.TranscriptSegmentRepository;
import ai.interconnects.archive.search.SearchService;
import ai.interconnects.archive.web.LastPoll;
import ai.interconnects.archive.web.PollStatus;
import ai.interconnects.archive.web.PagesProperties;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads everything a reading page shows in one read-only transaction (open-in-view is
 * off), as records the templates cannot lazy-load from.
 */
@Service
@Transactional(readOnly = true)
class ReadingService {

	private static final PageRequest FIRST = PageRequest.of(0, 1);

	private final ReadingRepository reading;

	private final EpisodeRepository episodes;

	private final ChapterRepository chapters;

	private final TranscriptSegmentRepository segments;

	private final LastPoll polls;

	private final SearchService search;

	private final EpisodeCast cast;

	private final int pageSize;

	private final EpisodeCatalog catalog;

	private final ShowCatalog shows;

	ReadingService(ReadingRepository reading, EpisodeRepository episodes, ChapterRepository chapters,
			TranscriptSegmentRepository segments, LastPoll polls, SearchService search, EpisodeCast cast,
			PagesProperties properties, EpisodeCatalog catalog, ShowCatalog shows) {
		this.shows = shows;
		this.cast = cast;
		this.catalog = catalog;
		this.reading = reading;
		this.episodes = episodes;
		this.chapters = chapters;
		this.segments = segments;
		this.polls = polls;
		this.search = search;
		this.pageSize = properties.pageSize();
	}

	/**
	 * Page {@code requested} (1-based) of the archive; out-of-range pages are clamped.
	 */
	Pages.Archive archive(int requested) {
		long total = this.episodes.count();
		int totalPages = (int) Math.max(1, (total + this.pageSize - 1) / this.pageSize);
		int page = Math.min(Math.max(requested, 1), totalPages);
		var cards = (total > 0) ? this.cast.cards(this.reading.findCards(PageRequest.of(page - 1, this.pageSize)))
				: List.<EpisodeCard>of();
		var lastPoll = (total == 0) ? this.polls.latest().orElse(PollStatus.NEVER) : null;
		return new Pages.Archive(cards, page, totalPages, total, lastPoll);
	}

	/**
	 * The episode with its chapters; with a moment or range ({@code at}), also the
	 * paragraphs it points at, as a quote.
	 */
	Pages.EpisodePage episode(String slug, TimeRange at) {
		var episode = find(slug);
		var chapters = chapters(episode, this.chapters.findByEpisodeIdOrderByPosition(episode.getId()));
		var neighbours = neighbours(episode);
		Quote quote = null;
		if (at != null) {
			var segments = TranscriptParagraphs.views(this.segments.findByEpisodeIdOrderByPosition(episode.getId()),
					Map.of(), at.within(episode.getDurationSeconds()), episode.getDurationSeconds());
			quote = TranscriptParagraphs.quote(segments, at.within(episode.getDurationSeconds()));
		}
		var view = EpisodeView.of(episode);
		long segmentCount = this.segments.countByEpisodeId(episode.getId());
		var alternates = this.catalog.alternates(List.of(episode.getId())).getOrDefault(episode.getId(), List.of());
		return new Pages.EpisodePage(view, chapters, segmentCount, neighbours[0], neighbours[1], quote,
				AudioEssay.of(view, segmentCount > 0, !chapters.isEmpty()),
				AlternateView.of(alternates, view.audioUrl()), this.cast.of(episode.getId()));
	}

	/**
	 * The transcript with chapter headings placed before the first paragraph at or after
	 * their start. With a {@code query}, the paragraphs that match it (full-text search,
	 * so "distilled" finds "distillation") carry their text with every match marked, and
	 * a link to the next matching paragraph. With a moment or range ({@code at}), the
	 * paragraphs it points at are highlighted and quoted.
	 */
	Pages.TranscriptPage transcript(String slug, String query, TimeRange at) {
		var episode = find(slug);
		var chapters = chapters(episode, this.chapters.findByEpisodeIdOrderByPosition(episode.getId()));
		var marked = new HashMap<Integer, String>();
		var find = (query != null && !query.isBlank()) ? this.search.findInEpisode(episode.getId(), query) : null;
		if (find != null) {
			for (var match : find.matches()) {
				marked.put(match.position(), match.html());
			}
		}
		var range = (at != null) ? at.within(episode.getDurationSeconds()) : null;
		var segments = TranscriptParagraphs.views(this.segments.findByEpisodeIdOrderByPosition(episode.getId()), marked,
				range, episode.getDurationSeconds());
		var entries = TranscriptParagraphs.withHeadings(segments, chapters);
		int matches = (int) segments.stream().filter(SegmentView::match).count();
		var view = EpisodeView.of(episode);
		var neighbours = neighbours(episode);
		return new Pages.TranscriptPage(view, chapters, entries, segments.size(), matches,
				TranscriptParagraphs.quote(segments, range),
				AudioEssay.of(view, !segments.isEmpty(), !chapters.isEmpty()),
				fileTrouble(episode.getId(), view.transcriptOrigin()), find, neighbours[0], neighbours[1],
				this.cast.of(episode.getId()));
	}

	/**
	 * Only a page that would mention the publisher's file, and not show its text, asks
	 * how reading it went: the other pages make no extra query.
	 */
	private FileTrouble fileTrouble(long episodeId, TranscriptOrigin origin) {
		if (origin.fileUrl() == null || origin.fromFile()) {
			return null;
		}
		return FileTrouble.of(this.reading.findTranscriptFileFailure(episodeId).stream().findFirst().orElse(null));
	}

	/**
	 * Chapter {@code number} (1-based) with its paragraphs: those whose effective start
	 * falls in its time range. Paragraphs before the first chapter's start belong to the
	 * first chapter, so none is lost.
	 */
	Pages.ChapterPage chapter(String slug, int number) {
		var episode = find(slug);
		var chapters = chapters(episode, this.chapters.findByEpisodeIdOrderByPosition(episode.getId()));
		if (number < 1 || number > chapters.size()) {
			throw new EpisodeNotFoundException("Episode " + slug + " has no chapter " + number);
		}
		var chapter = chapters.get(number - 1);
		var inside = new ArrayList<SegmentView>();
		for (var segment : TranscriptParagraphs.views(this.segments.findByEpisodeIdOrderByPosition(episode.getId()),
				Map.of(), null, episode.getDurationSeconds())) {
			int at = segment.effectiveStart();
			if (chapter.contains(at) || (number == 1 && at < chapter.startSeconds())) {
				inside.add(segment);
			}
		}
		return new Pages.ChapterPage(EpisodeView.of(episode), chapters, chapter, inside,
				(number > 1) ? chapters.get(number - 2) : null,
				(number < chapters.size()) ? chapters.get(number) : null);
	}

	/**
	 * Page {@code requested} (1-based, clamped) of the episodes that have chapters, with
	 * their chapters, newest episode first, grouped by year.
	 */
	Pages.ChapterIndex chapterIndex(int requested) {
		long total = this.reading.countEpisodesWithChapters();
		int totalPages = (int) Math.max(1, (total + this.pageSize - 1) / this.pageSize);
		int page = Math.min(Math.max(requested, 1), totalPages);
		var ids = (total > 0) ? this.reading.findEpisodesWithChapters(PageRequest.of(page - 1, this.pageSize))
				: List.<Long>of();
		var episodes = ids.isEmpty() ? List.<Pages.EpisodeChapters>of()
				: Pages.episodeChapters(ids, this.reading.findChapters(ids));
		return new Pages.ChapterIndex(Pages.byYear(episodes, Pages.EpisodeChapters::publishedAt), page, totalPages,
				total, null);
	}

	/** Every episode, newest first, grouped by year: the compact list. */
	List<Pages.Year<EpisodeCard>> list() {
		return Pages.byYear(this.cast.cards(this.reading.findCards(Pageable.unpaged())), EpisodeCard::publishedAt);
	}

	private Episode find(String slug) {
		return this.episodes.findBySlug(slug)
			.orElseThrow(() -> new EpisodeNotFoundException("No episode with slug " + slug));
	}

	private static List<ChapterView> chapters(Episode episode, List<Chapter> chapters) {
		return ChapterView.of(chapters.stream()
			.map((c) -> new ChapterView.Stored(c.getStartSeconds(), c.getEndSeconds(), c.getTitle()))
			.toList(), episode.getDurationSeconds());
	}

	/**
	 * The next newer and the next older episode (by publication time), either may be
	 * null.
	 */
	private Neighbour[] neighbours(Episode episode) {
		if (episode.getPublishedAt() == null) {
			return new Neighbour[2];
		}
		if (this.shows.library()) {
			// a library's episode is read among its own show's
			long show = episode.getPodcastId();
			return new Neighbour[] {
					first(this.reading.findNewerInShow(episode.getPublishedAt(), episode.getId(), show, FIRST)),
					first(this.reading.findOlderInShow(episode.getPublishedAt(), episode.getId(), show, FIRST)) };
		}
		return new Neighbour[] { first(this.reading.findNewer(episode.getPublishedAt(), episode.getId(), FIRST)),
				first(this.reading.findOlder(episode.getPublishedAt(), episode.getId(), FIRST)) };
	}

	private static Neighbour first(List<Neighbour> neighbours) {
		return neighbours.isEmpty() ? null : neighbours.get(0);
	}

}
