package ai.interconnects.archive.episode.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.interconnects.archive.episode.Chapter;
import ai.interconnects.archive.episode.ChapterRepository;
import ai.interconnects.archive.episode.Episode;
import ai.interconnects.archive.episode.EpisodeRepository;
import ai.interconnects.archive.episode.TranscriptSegment;
import ai.interconnects.archive.episode.TranscriptSegmentRepository;
import ai.interconnects.archive.feed.PollHistory;
import ai.interconnects.archive.search.SearchService;
import ai.interconnects.archive.web.Formats;

import org.springframework.data.domain.PageRequest;
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

	private final PollHistory polls;

	private final SearchService search;

	private final int pageSize;

	ReadingService(ReadingRepository reading, EpisodeRepository episodes, ChapterRepository chapters,
			TranscriptSegmentRepository segments, PollHistory polls, SearchService search, PagesProperties properties) {
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
		var cards = (total > 0) ? this.reading.findCards(PageRequest.of(page - 1, this.pageSize))
				: List.<EpisodeCard>of();
		var lastPoll = (total == 0) ? this.polls.latest().map(PollStatus::of).orElse(PollStatus.NEVER) : null;
		return new Pages.Archive(cards, page, totalPages, total, lastPoll);
	}

	/**
	 * The episode with its chapters; with a moment or range ({@code at}), also the
	 * paragraphs it points at, as a quote.
	 */
	Pages.EpisodePage episode(String slug, TimeRange at) {
		var episode = find(slug);
		var chapters = chapters(episode, this.chapters.findByEpisodeIdOrderByPosition(episode.getId()));
		Neighbour newer = null;
		Neighbour older = null;
		if (episode.getPublishedAt() != null) {
			newer = first(this.reading.findNewer(episode.getPublishedAt(), episode.getId(), FIRST));
			older = first(this.reading.findOlder(episode.getPublishedAt(), episode.getId(), FIRST));
		}
		Quote quote = null;
		if (at != null) {
			var segments = segments(this.segments.findByEpisodeIdOrderByPosition(episode.getId()), Map.of(),
					at.within(episode.getDurationSeconds()));
			quote = quote(segments, at.within(episode.getDurationSeconds()));
		}
		return new Pages.EpisodePage(EpisodeView.of(episode), chapters, this.segments.countByEpisodeId(episode.getId()),
				newer, older, quote);
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
		if (query != null && !query.isBlank()) {
			for (var match : this.search.matchesInEpisode(episode.getId(), query)) {
				marked.put(match.position(), match.html());
			}
		}
		var range = (at != null) ? at.within(episode.getDurationSeconds()) : null;
		var segments = segments(this.segments.findByEpisodeIdOrderByPosition(episode.getId()), marked, range);
		var entries = new ArrayList<TranscriptEntry>(segments.size() + chapters.size());
		int next = 0;
		for (var segment : segments) {
			while (next < chapters.size() && chapters.get(next).startSeconds() <= segment.effectiveStart()) {
				entries.add(TranscriptEntry.heading(chapters.get(next++)));
			}
			entries.add(TranscriptEntry.paragraph(segment));
		}
		if (!segments.isEmpty()) {
			// Chapters that start after the last paragraph still get their heading.
			while (next < chapters.size()) {
				entries.add(TranscriptEntry.heading(chapters.get(next++)));
			}
		}
		int matches = (int) segments.stream().filter(SegmentView::match).count();
		return new Pages.TranscriptPage(EpisodeView.of(episode), chapters, entries, segments.size(), matches,
				quote(segments, range));
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
		for (var segment : segments(this.segments.findByEpisodeIdOrderByPosition(episode.getId()), Map.of(), null)) {
			int at = segment.effectiveStart();
			if (chapter.contains(at) || (number == 1 && at < chapter.startSeconds())) {
				inside.add(segment);
			}
		}
		return new Pages.ChapterPage(EpisodeView.of(episode), chapters, chapter, inside,
				(number > 1) ? chapters.get(number - 2) : null,
				(number < chapters.size()) ? chapters.get(number) : null);
	}

	/** Every chapter of every episode, newest episode first. */
	List<Pages.EpisodeChapters> allChapters() {
		var byEpisode = new LinkedHashMap<Long, List<ChapterRow>>();
		for (var row : this.reading.findAllChapters()) {
			byEpisode.computeIfAbsent(row.episodeId(), (id) -> new ArrayList<>()).add(row);
		}
		var result = new ArrayList<Pages.EpisodeChapters>(byEpisode.size());
		for (var rows : byEpisode.values()) {
			var head = rows.get(0);
			var chapters = new ArrayList<ChapterView>(rows.size());
			for (int i = 0; i < rows.size(); i++) {
				var row = rows.get(i);
				Integer end = (i + 1 < rows.size()) ? Integer.valueOf(rows.get(i + 1).startSeconds())
						: head.durationSeconds();
				chapters.add(new ChapterView(i + 1, row.startSeconds(), end, row.title()));
			}
			result.add(new Pages.EpisodeChapters(head.slug(), head.episodeTitle(), Formats.date(head.publishedAt()),
					Formats.isoDate(head.publishedAt()), List.copyOf(chapters)));
		}
		return result;
	}

	private Episode find(String slug) {
		return this.episodes.findBySlug(slug)
			.orElseThrow(() -> new EpisodeNotFoundException("No episode with slug " + slug));
	}

	/**
	 * Chapters numbered by their order (the stored positions may start at 0 or have
	 * gaps); each ends where the next starts, the last at the episode's end.
	 */
	private static List<ChapterView> chapters(Episode episode, List<Chapter> chapters) {
		var result = new ArrayList<ChapterView>(chapters.size());
		for (int i = 0; i < chapters.size(); i++) {
			Integer end = (i + 1 < chapters.size()) ? Integer.valueOf(chapters.get(i + 1).getStartSeconds())
					: episode.getDurationSeconds();
			if (end != null && end < chapters.get(i).getStartSeconds()) {
				end = null;
			}
			result.add(new ChapterView(i + 1, chapters.get(i).getStartSeconds(), end, chapters.get(i).getTitle()));
		}
		return List.copyOf(result);
	}

	/**
	 * Paragraph views with their anchors; {@code marked} holds, by position, the text of
	 * the paragraphs that match a search, escaped and with the matches in {@code <mark>};
	 * {@code range}, when set, the moment whose paragraphs are highlighted.
	 */
	private static List<SegmentView> segments(List<TranscriptSegment> segments, Map<Integer, String> marked,
			TimeRange range) {
		int count = segments.size();
		var anchors = new String[count];
		var effectiveStarts = new int[count];
		var effectiveSpeakers = new String[count];
		var used = new HashSet<String>();
		int current = 0;
		String speaker = null;
		for (int i = 0; i < count; i++) {
			var segment = segments.get(i);
			if (segment.getStartSeconds() != null) {
				current = segment.getStartSeconds();
				speaker = segment.getSpeaker();
			}
			else if (segment.getSpeaker() != null) {
				speaker = segment.getSpeaker();
			}
			effectiveStarts[i] = current;
			effectiveSpeakers[i] = speaker;
			// Two paragraphs may share a second: the later one is anchored
			// by its position.
			var anchor = (segment.getStartSeconds() != null) ? "t-" + segment.getStartSeconds()
					: "p-" + segment.getPosition();
			if (!used.add(anchor)) {
				anchor = "p-" + segment.getPosition();
				used.add(anchor);
			}
			anchors[i] = anchor;
		}
		// Each matching paragraph links to the next one, so that a reader
		// can step through the matches.
		var nextMatches = new String[count];
		String next = null;
		for (int i = count - 1; i >= 0; i--) {
			if (marked.containsKey(segments.get(i).getPosition())) {
				nextMatches[i] = next;
				next = anchors[i];
			}
		}
		// The moment playing at the range's start is the last paragraph starting at or
		// before it; a range runs on to the paragraphs starting before its end.
		int from = (count > 0) ? effectiveStarts[0] : 0;
		if (range != null) {
			for (int i = 0; i < count; i++) {
				if (effectiveStarts[i] <= range.start()) {
					from = effectiveStarts[i];
				}
			}
		}
		var result = new ArrayList<SegmentView>(count);
		for (int i = 0; i < count; i++) {
			var segment = segments.get(i);
			int at = effectiveStarts[i];
			boolean highlighted = range != null && at >= from
					&& ((range.end() != null) ? at < range.end() || at == from : at == from);
			result.add(new SegmentView(segment.getId(), segment.getPosition(), segment.getStartSeconds(), at,
					segment.getSpeaker(), effectiveSpeakers[i], segment.getText(), anchors[i],
					marked.get(segment.getPosition()), nextMatches[i], highlighted));
		}
		return result;
	}

	/**
	 * The highlighted paragraphs as a quote, ending at the range's end or, for a single
	 * moment, where the next paragraph starts.
	 */
	private static Quote quote(List<SegmentView> segments, TimeRange range) {
		if (range == null) {
			return null;
		}
		var highlighted = segments.stream().filter(SegmentView::highlighted).toList();
		if (highlighted.isEmpty()) {
			return null;
		}
		Integer end = range.end();
		if (end == null) {
			int last = highlighted.get(highlighted.size() - 1).effectiveStart();
			end = segments.stream()
				.map(SegmentView::effectiveStart)
				.filter((start) -> start > last)
				.findFirst()
				.orElse(null);
		}
		return Quote.of(highlighted, end);
	}

	private static Neighbour first(List<Neighbour> neighbours) {
		return neighbours.isEmpty() ? null : neighbours.get(0);
	}

}
