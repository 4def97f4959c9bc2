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
 * The first such run is the chapter list; timed lines outside it are reported, not
 * guessed at.
 */
final class ChapterShape {

	/** A run shorter than this is a mention of a time, not a list. */
	static final int MIN_RUN = 3;

	private static final Pattern BRACKETED_TIME = Pattern.compile("[\\[(]\\d{1,3}(?::\\d{2}){1,2}[\\])]");

	record Result(List<ParsedDescription.Chapter> chapters, Set<Element> consumedBlocks, List<String> unused) {
	}

	private record Line(Element block, String text, int start, String title) {

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
			for (var line : DescriptionBlocks.lines(block)) {
				for (var piece : runTogether(line)) {
					lines.add(toLine(block, piece));
				}
			}
		}
		var runs = new ArrayList<List<Line>>();
		var run = new ArrayList<Line>();
		for (var line : lines) {
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
		List<Line> chosen = List.of();
		if (!haveChapters) {
			chosen = runs.stream().filter((candidate) -> candidate.size() >= MIN_RUN).findFirst().orElse(List.of());
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
		return new Result(List.copyOf(chapters), touched, List.copyOf(unused));
	}

	private static Line toLine(Element block, String text) {
		var matcher = DescriptionParser.CHAPTER_LINE.matcher(text);
		if (matcher.matches()) {
			var start = TimeCode.wholeSeconds(matcher.group(1));
			var title = matcher.group(2).strip().replaceAll("\\s*[—–\\-:|·]$", "");
			if (start.isPresent() && !title.isEmpty()) {
				return new Line(block, text, start.getAsInt(), title);
			}
		}
		return new Line(block, text, -1, null);
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
