package ai.interconnects.archive.episode.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import ai.interconnects.archive.episode.TranscriptSegment;

/**
 * Turns stored transcript segments into the paragraphs a page shows: their anchors, the
 * start and speaker a continuation paragraph inherits, the links between search matches,
 * the highlighted moment and its quote, and the chapter headings between them.
 */
final class TranscriptParagraphs {

	private TranscriptParagraphs() {
	}

	/**
	 * Paragraph views with their anchors; {@code marked} holds, by position, the text of
	 * the paragraphs that match a search, escaped and with the matches in {@code <mark>};
	 * {@code range}, when set, the moment whose paragraphs are highlighted.
	 */
	static List<SegmentView> views(List<TranscriptSegment> segments, Map<Integer, String> marked, TimeRange range) {
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
	static Quote quote(List<SegmentView> segments, TimeRange range) {
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

	/**
	 * The paragraphs with each chapter's heading placed before the first paragraph at or
	 * after its start.
	 */
	static List<TranscriptEntry> withHeadings(List<SegmentView> segments, List<ChapterView> chapters) {
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
		return entries;
	}

}
