package ai.interconnects.archive.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import ai.interconnects.archive.LogText;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
public final class DescriptionParser {

	private static final Logger log = LoggerFactory.getLogger(DescriptionParser.class);

	private static final Pattern CHAPTER_LINE = Pattern
		.compile("^[\\[(]?(\\d{1,3}(?::\\d{2}){1,2})[\\])]?\\s*(?:[—–\\-:|·]\\s*)?(\\S.*)$");

	private static final Pattern TRANSCRIPT_LINE = Pattern.compile("^[\\[(]?(\\d{1,3}(?::\\d{2}){1,2})[\\])]?\\s+(.*)$",
			Pattern.DOTALL);

	/** "Dean W. Ball: …": a name of one to five capitalised words before a colon. */
	private static final Pattern SPEAKER = Pattern.compile(
			"^((?:\\p{Lu}[\\p{L}'’.\\-]*|de|van|von|der|da|di|del|la|le|bin|al)(?:\\s+(?:\\p{Lu}[\\p{L}'’.\\-]*|de|van|von|der|da|di|del|la|le|bin|al)){0,4}):\\s+(\\S.*)$",
			Pattern.DOTALL);

	private static final Pattern FOOTER = Pattern.compile("^this is a public episode\\b.*",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final int SUMMARY_LENGTH = 280;

	private static final Safelist NOTES_SAFELIST = Safelist.relaxed()
		.removeTags("img")
		.addAttributes("a", "rel")
		.preserveRelativeLinks(false);

	private enum Section {

		NOTES, CHAPTERS, TRANSCRIPT, FOOTER

	}

	/** Parses a raw description; {@code null} and blank give an empty result. */
	public ParsedDescription parse(String html) {
		if (html == null || html.isBlank()) {
			return new ParsedDescription("", "", List.of(), List.of(), List.of());
		}
		var document = Jsoup.parseBodyFragment(html);
		var notes = new StringBuilder();
		var chapters = new ArrayList<ParsedDescription.Chapter>();
		var segments = new ArrayList<ParsedDescription.Segment>();
		var skipped = new ArrayList<String>();
		var section = Section.NOTES;
		String speaker = null;
		for (var block : blocks(document)) {
			var text = normalise(block.text());
			var heading = sectionHeading(block, text);
			if (heading != null && section != Section.FOOTER) {
				section = heading;
				continue;
			}
			if (FOOTER.matcher(text).matches()) {
				section = Section.FOOTER;
			}
			switch (section) {
				case NOTES, FOOTER -> notes.append(block.outerHtml()).append('\n');
				case CHAPTERS -> {
					boolean any = false;
					for (var line : lines(block)) {
						var matcher = CHAPTER_LINE.matcher(line);
						var start = matcher.matches() ? Timestamps.parse(matcher.group(1))
								: java.util.OptionalInt.empty();
						if (start.isPresent()) {
							chapters.add(new ParsedDescription.Chapter(start.getAsInt(), matcher.group(2).strip()));
							any = true;
						}
						else if (!line.isEmpty()) {
							skipped.add("chapter line: " + line);
						}
					}
					if (!any && !text.isEmpty()) {
						notes.append(block.outerHtml()).append('\n');
					}
				}
				case TRANSCRIPT -> {
					if (text.isEmpty()) {
						continue;
					}
					var matcher = TRANSCRIPT_LINE.matcher(text);
					var start = matcher.matches() ? Timestamps.parse(matcher.group(1)) : java.util.OptionalInt.empty();
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
		if (!skipped.isEmpty()) {
			log.info("Description parser kept {} unrecognised line(s) in the show notes, first: {}", skipped.size(),
					LogText.of(skipped.get(0)));
		}
		var showNotes = sanitize(notes.toString());
		return new ParsedDescription(showNotes, summary(showNotes), List.copyOf(chapters), List.copyOf(segments),
				List.copyOf(skipped));
	}

	/** Removes anything that could run script or load content from the feed's HTML. */
	public static String sanitize(String html) {
		var dirty = Jsoup.parseBodyFragment(html);
		var clean = new Cleaner(NOTES_SAFELIST).clean(dirty);
		for (var link : clean.select("a[href]")) {
			link.attr("rel", "nofollow noopener noreferrer");
		}
		clean.outputSettings().prettyPrint(false);
		return clean.body().html().strip();
	}

	/**
	 * The top-level blocks of the description; loose text at the top level becomes a
	 * paragraph of its own, and wrapper {@code <div>}s are looked into.
	 */
	private static List<Element> blocks(Document document) {
		var result = new ArrayList<Element>();
		collect(document.body(), result);
		return result;
	}

	private static void collect(Element parent, List<Element> into) {
		for (Node node : parent.childNodes()) {
			if (node instanceof TextNode textNode) {
				if (!textNode.isBlank()) {
					into.add(new Element("p").text(textNode.text().strip()));
				}
			}
			else if (node instanceof Element element) {
				if (element.tagName().equals("div") && !element.children().isEmpty()) {
					collect(element, into);
				}
				else {
					into.add(element);
				}
			}
		}
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

	/** The lines of a block: its list items, or its text split at line breaks. */
	private static List<String> lines(Element block) {
		var items = block.select("li");
		var lines = new ArrayList<String>();
		if (!items.isEmpty()) {
			for (var item : items) {
				lines.add(normalise(item.text()));
			}
			return lines;
		}
		for (var part : block.html().split("(?i)<br\\s*/?>")) {
			lines.add(normalise(Jsoup.parseBodyFragment(part).text()));
		}
		return lines;
	}

	private static String normalise(String text) {
		return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
	}

	private static String summary(String showNotesHtml) {
		var text = normalise(Jsoup.parseBodyFragment(showNotesHtml).text());
		if (text.length() <= SUMMARY_LENGTH) {
			return text;
		}
		int cut = text.lastIndexOf(' ', SUMMARY_LENGTH);
		return text.substring(0, (cut > SUMMARY_LENGTH / 2) ? cut : SUMMARY_LENGTH).strip() + "…";
	}

}
