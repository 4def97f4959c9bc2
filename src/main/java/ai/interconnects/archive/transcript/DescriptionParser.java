package ai.interconnects.archive.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import ai.interconnects.archive.LogText;
import ai.interconnects.archive.web.TimeCode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Splits a Substack episode description into show notes, chapters and transcript.
 * <p>
 * The description is HTML: show notes, then a "Chapters" section, then a "Transcript"
 * section, then the footer "This is a public episode…". A section heading is an h3
 * element ("Chapters"), a paragraph holding only a strong element ("Chapters:"), or a
 * bare paragraph ("Transcript"). Chapter lines are {@code MM:SS Title},
 * {@code HH:MM:SS Title}, {@code H:MM:SS Title} or {@code 5:19 — Title}, usually list
 * items. Transcript paragraphs are {@code HH:MM:SS Speaker Name: text}; a paragraph
 * without a timestamp continues the previous speaker's turn and is kept as its own
 * segment.
 * <p>
 * The parser never fails: anything it does not recognise stays in the show notes and is
 * reported in {@link ParsedDescription#skipped()}.
 */
@Component
public final class DescriptionParser {

	private static final Logger log = LoggerFactory.getLogger(DescriptionParser.class);

	static final Pattern CHAPTER_LINE = Pattern
		.compile("^[\\[(]?(\\d{1,3}(?::\\d{2}){1,2})[\\])]?\\s*(?:[—–\\-:|·]\\s*)?(\\S.*)$");

	private static final Pattern TRANSCRIPT_LINE = Pattern.compile("^[\\[(]?(\\d{1,3}(?::\\d{2}){1,2})[\\])]?\\s+(.*)$",
			Pattern.DOTALL);

	/** "Dean W. Ball: …": a name of one to five capitalised words before a colon. */
	private static final Pattern SPEAKER = Pattern.compile(
			"^((?:\\p{Lu}[\\p{L}'’.\\-]*|de|van|von|der|da|di|del|la|le|bin|al)(?:\\s+(?:\\p{Lu}[\\p{L}'’.\\-]*|de|van|von|der|da|di|del|la|le|bin|al)){0,4}):\\s+(\\S.*)$",
			Pattern.DOTALL);

	private static final Pattern FOOTER = Pattern.compile("^this is a public episode\\b.*",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private enum Section {

		NOTES, CHAPTERS, TRANSCRIPT, FOOTER

	}

	/** Parses a raw description; {@code null} and blank give an empty result. */
	public ParsedDescription parse(String html) {
		if (html == null || html.isBlank()) {
			return new ParsedDescription("", "", List.of(), List.of(), List.of(), List.of());
		}
		if (PlainText.isPlain(html)) {
			html = PlainText.toHtml(html);
		}
		var document = Jsoup.parseBodyFragment(html);
		// the blocks of the notes in order; null marks where a chapter or transcript
		// section interrupted them (a chapter list found by its shape never spans that)
		var notes = new ArrayList<Element>();
		var shapeCandidates = new ArrayList<Element>();
		var chapters = new ArrayList<ParsedDescription.Chapter>();
		var segments = new ArrayList<ParsedDescription.Segment>();
		var skipped = new ArrayList<String>();
		var section = Section.NOTES;
		int chaptersBeforeSection = 0;
		String speaker = null;
		var blocks = DescriptionBlocks.of(document);
		// a transcript section's blocks: notes after all if not one paragraph is timed
		var transcriptBlocks = new ArrayList<Element>();
		for (var block : blocks) {
			var text = DescriptionBlocks.normalise(block.text());
			var heading = sectionHeading(block, text);
			if (heading != null && section != Section.FOOTER) {
				section = heading;
				chaptersBeforeSection = chapters.size();
				shapeCandidates.add(null);
				if (heading == Section.TRANSCRIPT) {
					transcriptBlocks.add(block);
				}
				continue;
			}
			if (FOOTER.matcher(text).matches()) {
				section = Section.FOOTER;
				shapeCandidates.add(null);
			}
			switch (section) {
				case NOTES -> {
					notes.add(block);
					shapeCandidates.add(block);
				}
				case FOOTER -> notes.add(block);
				case CHAPTERS -> {
					boolean any = false;
					var misses = new ArrayList<String>();
					for (var line : DescriptionBlocks.lines(block)) {
						var matcher = CHAPTER_LINE.matcher(line);
						var start = matcher.matches() ? TimeCode.wholeSeconds(matcher.group(1))
								: java.util.OptionalInt.empty();
						if (start.isPresent()) {
							chapters.add(new ParsedDescription.Chapter(start.getAsInt(), matcher.group(2).strip()));
							any = true;
						}
						else if (!line.isEmpty()) {
							misses.add("chapter line: " + line);
						}
					}
					if (!any && chapters.size() > chaptersBeforeSection && !text.isEmpty()) {
						// the list has ended (a note after it, the next paragraph):
						// notes again
						section = Section.NOTES;
						notes.add(block);
						shapeCandidates.add(block);
						continue;
					}
					skipped.addAll(misses);
					if (!any && !text.isEmpty()) {
						notes.add(block);
					}
				}
				case TRANSCRIPT -> {
					if (text.isEmpty()) {
						continue;
					}
					transcriptBlocks.add(block);
					var matcher = TRANSCRIPT_LINE.matcher(text);
					var start = matcher.matches() ? TimeCode.wholeSeconds(matcher.group(1))
							: java.util.OptionalInt.empty();
					if (start.isPresent()) {
						var rest = matcher.group(2).strip();
						var named = SPEAKER.matcher(rest);
						if (named.matches()) {
							speaker = named.group(1);
							rest = named.group(2).strip();
						}
						if (!rest.isEmpty()) {
							segments.add(new ParsedDescription.Segment(start.getAsInt(), speaker, rest));
						}
					}
					else {
						segments.add(new ParsedDescription.Segment(null, speaker, text));
					}
				}
			}
		}
		if (segments.stream().allMatch((segment) -> segment.startSeconds() == null)) {
			// "Transcript" over a link or a sentence ("Captions and transcripts are on
			// our
			// site") is no transcript: it stays in the notes, where it was written
			segments.clear();
			var kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<Element, Boolean>());
			kept.addAll(notes);
			kept.addAll(transcriptBlocks);
			notes.clear();
			blocks.stream().filter(kept::contains).forEach(notes::add);
		}
		var shape = ChapterShape.find(shapeCandidates, !chapters.isEmpty());
		if (chapters.isEmpty()) {
			chapters.addAll(shape.chapters());
		}
		notes.removeAll(shape.consumedBlocks());
		if (!skipped.isEmpty()) {
			log.info("Description parser kept {} unrecognised line(s) in the show notes, first: {}", skipped.size(),
					LogText.of(skipped.get(0)));
		}
		var showNotes = ShowNotes.html(notes);
		return new ParsedDescription(showNotes, ShowNotes.summary(showNotes), List.copyOf(chapters),
				List.copyOf(segments), List.copyOf(skipped), shape.unused());
	}

	private static Section sectionHeading(Element block, String text) {
		var tag = block.tagName();
		if (!(tag.matches("h[1-6]") || tag.equals("p") || tag.equals("strong") || tag.equals("b"))) {
			return null;
		}
		var name = text.replaceAll("[:：]\\s*$", "").strip().toLowerCase(Locale.ROOT);
		return switch (name) {
			case "chapters", "timestamps", "chapter markers" -> Section.CHAPTERS;
			case "transcript" -> Section.TRANSCRIPT;
			default -> null;
		};
	}

}
