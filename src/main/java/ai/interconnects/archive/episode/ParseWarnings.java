package ai.interconnects.archive.episode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import ai.interconnects.archive.feed.client.ItemExtras;
import ai.interconnects.archive.transcript.ParsedDescription;
import ai.interconnects.archive.transcript.TranscriptFormat;
import org.jsoup.Jsoup;

/**
 * Describes, for the operator, how an episode's description failed to become a
 * transcript. The parser never fails, so without this a changed description format would
 * silently give episodes without transcripts.
 */
final class ParseWarnings {

	/**
	 * A block whose whole text is a "Transcript" heading, as the parser recognises it.
	 */
	private static final Pattern TRANSCRIPT_HEADING = Pattern.compile("transcript\\s*[:：]?");

	private static final int MAX_LENGTH = 2000;

	/** How each line {@link #of} writes begins. */
	private static final Pattern FROM_THE_DESCRIPTION = Pattern
		.compile("The description has a Transcript heading|\\d+ line\\(s\\) in the chapter or transcript section"
				+ "|\\d+ timestamped line\\(s\\) in the notes|The feed links \\d+ transcript file\\(s\\)");

	private ParseWarnings() {
	}

	/**
	 * The warnings for a description, given how many transcript segments the episode has
	 * after storing (which may be more than this parse found, when a richer transcript
	 * was kept).
	 * @return a human-readable text, or {@code null} when there is nothing to report
	 */
	static String of(String rawDescription, ParsedDescription parsed, long storedSegments) {
		return of(rawDescription, parsed, storedSegments, List.of());
	}

	/**
	 * The same, for an item that links the publisher's transcript files: a transcript
	 * heading without segments is no fault when a file the archive reads (a transcript or
	 * captions) brings the transcript; a file in a format it does not read is reported.
	 */
	static String of(String rawDescription, ParsedDescription parsed, long storedSegments,
			List<ItemExtras.FileLink> transcriptFiles) {
		var warnings = new ArrayList<String>();
		var unread = transcriptFiles.stream()
			.filter((link) -> TranscriptFormat.of(link.type(), link.url()) == null)
			.toList();
		boolean readable = unread.size() < transcriptFiles.size();
		if (storedSegments == 0 && !readable && hasTranscriptHeading(rawDescription)) {
			warnings.add("The description has a Transcript heading but no transcript segment was recognised");
		}
		if (!unread.isEmpty() && !readable) {
			var first = unread.get(0);
			warnings.add("The feed links " + unread.size() + " transcript file(s) in no format the archive reads"
					+ " (WebVTT, SRT, JSON, HTML, text), first: " + first.url()
					+ ((first.type() != null) ? " (" + first.type() + ")" : ""));
		}
		if (!parsed.skipped().isEmpty()) {
			warnings.add(parsed.skipped().size() + " line(s) in the chapter or transcript section were not recognised"
					+ " (kept in the show notes), first: " + parsed.skipped().get(0));
		}
		if (!parsed.unusedTimestamps().isEmpty()) {
			warnings
				.add(parsed.unusedTimestamps().size() + " timestamped line(s) in the notes were not used as chapters"
						+ " (fewer than three in a row, or out of order), first: " + parsed.unusedTimestamps().get(0));
		}
		if (warnings.isEmpty()) {
			return null;
		}
		var text = String.join("\n", warnings);
		return (text.length() > MAX_LENGTH) ? text.substring(0, MAX_LENGTH) + "…" : text;
	}

	/**
	 * The lines of stored warnings that did not come from the description (what reading
	 * the item's XML reported: repairs, dates as written), which a re-parse of the
	 * description cannot recompute and must keep.
	 */
	static List<String> fromTheItem(String stored) {
		if (stored == null || stored.isBlank()) {
			return List.of();
		}
		return stored.lines().filter((line) -> !FROM_THE_DESCRIPTION.matcher(line).lookingAt()).toList();
	}

	/** Joins description and item warnings as stored; null when there are none. */
	static String join(String description, List<String> item) {
		var all = new ArrayList<String>();
		if (description != null) {
			all.add(description);
		}
		all.addAll(item);
		return all.isEmpty() ? null : String.join("\n", all);
	}

	static boolean hasTranscriptHeading(String rawDescription) {
		if (rawDescription == null || rawDescription.isBlank()) {
			return false;
		}
		for (var element : Jsoup.parseBodyFragment(rawDescription)
			.body()
			.select("h1, h2, h3, h4, h5, h6, p, strong, b")) {
			var text = element.text().replace('\u00a0', ' ').strip().toLowerCase(Locale.ROOT);
			if (TRANSCRIPT_HEADING.matcher(text).matches()) {
				return true;
			}
		}
		return false;
	}

}
