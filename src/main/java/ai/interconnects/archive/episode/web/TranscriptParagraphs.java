package ai.interconnects.archive.episode.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import ai.interconnects.archive.episode.TranscriptSegment;
import ai.interconnects.archive.transcript.TimedTranscript;

/**
 * Turns stored transcript segments into the paragraphs a page shows: their anchors, the
 * start and speaker a continuation paragraph inherits, the links between search matches,
 * the highlighted moment and its quote, and the chapter headings between them.
 */
final class TranscriptParagraphs {

	private TranscriptParagraphs() {
	}

	/**
	 * Paragraph views with their anchors and starts: a continuation paragraph starts
	 * where the subtitle files put it ({@link TimedTranscript}: its turn's time span
	 * shared in proportion to the paragraphs' lengths), so each paragraph has a time of
	 * its own. {@code marked} holds, by position, the text of the paragraphs that match a
	 * search, escaped and with the matches in {@code <mark>}; {@code range}, when set,
	 * the moment whose paragraphs are highlighted: the one paragraph holding its start,
	 * and for a range the paragraphs after it that start before its end.
	 */
	static List<SegmentView> views(List<TranscriptSegment> segments, Map<Integer, String> marked, TimeRange range,
			Integer durationSeconds) {
		int count = segments.size();
		var starts = TimedTranscript.startSeconds(segments.stream()
			.map((s) -> new TimedTranscript.Segment(s.getStartSeconds(), s.getSpeaker(), s.getText()))
			.toList(), durationSeconds);
		var anchors = anchors(segments);
		var effectiveSpeakers = new String[count];
		String speaker = null;
		for (int i = 0; i < count; i++) {
			var segment = segments.get(i);
			if (segment.getStartSeconds() != null || segment.getSpeaker() != null) {
				speaker = segment.getSpeaker();
			}
			effectiveSpeakers[i] = speaker;
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
		int from = (range != null) ? holding(starts, range.start()) : -1;
		var result = new ArrayList<SegmentView>(count);
		for (int i = 0; i < count; i++) {
			var segment = segments.get(i);
			boolean highlighted = i == from
					|| (from >= 0 && i > from && range.end() != null && starts[i] < range.end());
			result.add(new SegmentView(segment.getId(), segment.getPosition(), segment.getStartSeconds(), starts[i],
					segment.getSpeaker(), effectiveSpeakers[i], segment.getText(), anchors[i],
					marked.get(segment.getPosition()), nextMatches[i], highlighted));
		}
		return result;
	}

	/**
	 * {@code t-754} for a timed paragraph, {@code p-12} (its position) for a continuation
	 * and for the second of two paragraphs sharing a second: anchors never change with
	 * the estimates.
	 */
	private static String[] anchors(List<TranscriptSegment> segments) {
		var anchors = new String[segments.size()];
		var used = new HashSet<String>();
		for (int i = 0; i < anchors.length; i++) {
			var segment = segments.get(i);
			var anchor = (segment.getStartSeconds() != null) ? "t-" + segment.getStartSeconds()
					: "p-" + segment.getPosition();
			if (!used.add(anchor)) {
				anchor = "p-" + segment.getPosition();
				used.add(anchor);
			}
			anchors[i] = anchor;
		}
		return anchors;
	}

	/**
	 * The paragraph playing at {@code seconds}: the last one starting at or before it
	 * (the first paragraph for a moment before any).
	 */
	private static int holding(int[] starts, int seconds) {
		if (starts.length == 0) {
			return -1;
		}
		int found = 0;
		for (int i = 0; i < starts.length; i++) {
			if (starts[i] <= seconds) {
				found = i;
			}
		}
		return found;
	}

	/**
	 * The highlighted paragraphs as a quote: from the moment asked for (not the start of
	 * its paragraph, which may be earlier), to the range's end or, for a single moment,
	 * where the next paragraph starts.
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
		return Quote.of(highlighted, range.start(), end);
	}

	/**
	 * The paragraphs with each chapter's heading placed before the first paragraph at or
	 * after its start.
	 */
	static List<TranscriptEntry> withHeadings(List<SegmentView> segments, List<ChapterView> chapters) {
		var entries = new ArrayList<TranscriptEntry>(segments.size() + chapters.size());
		int next = 0;
		for (var segment : segments) {
			boolean afterHeading = false;
			while (next < chapters.size() && chapters.get(next).startSeconds() <= segment.effectiveStart()) {
				entries.add(TranscriptEntry.heading(chapters.get(next++)));
				afterHeading = true;
			}
			entries.add(TranscriptEntry.paragraph(segment, afterHeading));
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
