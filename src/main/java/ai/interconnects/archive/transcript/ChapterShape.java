package ai.interconnects.archive.transcript;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import ai.interconnects.archive.web.TimeCode;
import org.jsoup.nodes.Element;

/**
 * A chapter list recognised by its shape rather than by a heading: three or more lines in
 * a row that start with a time (plain, bracketed or bold: the text is the same), each
 * later than the one before. Publishers put such lists under "Show Notes:", under no
 * heading at all, or run together in one line ({@code (00:00) Intro - …(02:32) …}).
 * <p>
 * A list may also be interleaved with other content, as Simplecast wrote show notes in
 * 2016: each {@code
 *
<p>
 * <strong>4:00</strong> - Introductions
 *
</p>
 * } followed by the links of that part. Such a run only counts lines that are a block of
 * their own with the time in bold (or a heading), so times mentioned in prose, however
 * many, never make chapters; and the notes keep every block, since the links belong under
 * their headings.
 * <p>
 * The run that starts first is the chapter list; timed lines outside it are reported, not
 * guessed at.
 */
final class ChapterShape {

	/** A run shorter than this is a mention of a time, not a list. */
	static final int MIN_RUN = 3;

	private static final Pattern BRACKETED_TIME = Pattern.compile("[\\[(]\\d{1,3}(?::\\d{2}){1,2}[\\])]");

	private static final Pattern LEADING_TIME = Pattern.compile("[\\[(]?\\d{1,3}(?::\\d{2}){1,2}\\b");

	record Result(List<ParsedDescription.Chapter> chapters, Set<Element> consumedBlocks, List<String> unused) {
	}

	/**
	 * @param marked whether the line is a whole block whose time is set apart (bold, or a
	 * heading): only such lines make a list with other content between them
	 */
	private record Line(Element block, String text, int start, String title, boolean marked) {

		boolean timed() {
			return this.start >= 0;
		}

	}

	private ChapterShape() {
	}

	/**
	 * Finds the chapter list in the notes blocks ({@code null} separates blocks that are
	 * not next to each other).
	 * @param haveChapters whether a "Chapters" section gave the list already (then every
	 * timed line of the notes is reported as unused)
	 */
	static Result find(List<Element> blocks, boolean haveChapters) {
		var lines = new ArrayList<Line>();
		for (var block : blocks) {
			if (block == null) {
				lines.add(null);
				continue;
			}
			var blockLines = DescriptionBlocks.lines(block);
			boolean marked = blockLines.size() == 1 && timeSetApart(block);
			for (var line : blockLines) {
				for (var piece : runTogether(line)) {
					lines.add(toLine(block, piece, marked && piece.equals(line)));
				}
			}
		}
		List<Line> chosen = List.of();
		boolean interleaved = false;
		if (!haveChapters) {
			var contiguous = first(runs(lines, false));
			var spaced = first(runs(lines, true));
			chosen = contiguous;
			// the first list wins; an interleaved one starting on the same line holds the
			// plain one when it is longer
			if (!spaced.isEmpty()) {
				int at = position(lines, spaced.get(0));
				int plainAt = contiguous.isEmpty() ? Integer.MAX_VALUE : position(lines, contiguous.get(0));
				if (at < plainAt || (at == plainAt && spaced.size() > contiguous.size())) {
					chosen = spaced;
					interleaved = true;
				}
			}
		}
		var chapters = new ArrayList<ParsedDescription.Chapter>();
		var used = java.util.Collections.newSetFromMap(new IdentityHashMap<Line, Boolean>());
		for (var line : chosen) {
			chapters.add(new ParsedDescription.Chapter(line.start(), line.title()));
			used.add(line);
		}
		var unused = new ArrayList<String>();
		var partlyUsed = java.util.Collections.newSetFromMap(new IdentityHashMap<Element, Boolean>());
		var touched = java.util.Collections.newSetFromMap(new IdentityHashMap<Element, Boolean>());
		for (var line : lines) {
			if (line == null) {
				continue;
			}
			if (used.contains(line)) {
				touched.add(line.block());
			}
			else {
				if (line.timed()) {
					unused.add("timestamp not used as a chapter: " + line.text());
				}
				if (!line.text().isEmpty()) {
					partlyUsed.add(line.block());
				}
			}
		}
		// a block that is all chapter lines leaves the notes; one that also says
		// something else stays whole, so nothing is lost
		touched.removeAll(partlyUsed);
		return new Result(List.copyOf(chapters), interleaved ? Set.of() : touched, List.copyOf(unused));
	}

	/**
	 * Runs of increasing timed lines. Plain runs are lines next to each other; spaced
	 * runs are marked lines with anything but another section between them.
	 */
	private static List<List<Line>> runs(List<Line> lines, boolean spaced) {
		var runs = new ArrayList<List<Line>>();
		var run = new ArrayList<Line>();
		for (var line : lines) {
			if (spaced && line != null && !line.marked()) {
				continue;
			}
			boolean continues = line != null && line.timed()
					&& (run.isEmpty() || line.start() > run.get(run.size() - 1).start());
			if (!continues && !run.isEmpty()) {
				runs.add(run);
				run = new ArrayList<>();
			}
			if (line != null && line.timed()) {
				run.add(line);
			}
		}
		if (!run.isEmpty()) {
			runs.add(run);
		}
		return runs;
	}

	private static int position(List<Line> lines, Line line) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i) == line) {
				return i;
			}
		}
		return -1;
	}

	private static List<Line> first(List<List<Line>> runs) {
		return runs.stream().filter((candidate) -> candidate.size() >= MIN_RUN).findFirst().orElse(List.of());
	}

	/**
	 * A heading, or a block that opens with its time in bold: {@code
	 *
	<p>
	 * <strong>4:00</strong> - Introductions
	 *
	</p>
	 * }.
	 */
	private static boolean timeSetApart(Element block) {
		if (block.tagName().matches("h[1-6]")) {
			return true;
		}
		var first = block.childNodes()
			.stream()
			.filter((node) -> !(node instanceof org.jsoup.nodes.TextNode text) || !text.isBlank())
			.findFirst()
			.orElse(null);
		return first instanceof Element bold && (bold.tagName().equals("strong") || bold.tagName().equals("b"))
				&& LEADING_TIME.matcher(DescriptionBlocks.normalise(bold.text())).lookingAt();
	}

	private static Line toLine(Element block, String text, boolean marked) {
		var matcher = DescriptionParser.CHAPTER_LINE.matcher(text);
		if (matcher.matches()) {
			var start = TimeCode.wholeSeconds(matcher.group(1));
			var title = matcher.group(2).strip().replaceAll("\\s*[—–\\-:|·]$", "");
			if (start.isPresent() && !title.isEmpty()) {
				return new Line(block, text, start.getAsInt(), title, marked);
			}
		}
		return new Line(block, text, -1, null, false);
	}

	/** {@code (00:00) Intro - …(02:32) Next …} as one line per bracketed time. */
	static List<String> runTogether(String line) {
		var matcher = BRACKETED_TIME.matcher(line);
		var starts = new ArrayList<Integer>();
		while (matcher.find()) {
			starts.add(matcher.start());
		}
		if (starts.size() < MIN_RUN) {
			return List.of(line);
		}
		var pieces = new ArrayList<String>();
		if (starts.get(0) > 0) {
			pieces.add(line.substring(0, starts.get(0)).strip());
		}
		for (int i = 0; i < starts.size(); i++) {
			int end = (i + 1 < starts.size()) ? starts.get(i + 1) : line.length();
			pieces.add(line.substring(starts.get(i), end).strip());
		}
		return pieces;
	}

}
