package ai.interconnects.archive.transcript;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The show notes: what is left of a description once chapters and transcript are taken
 * out, made safe to show, and a plain-text summary of them.
 */
final class ShowNotes {

	private static final int SUMMARY_LENGTH = 280;

	private static final Safelist NOTES_SAFELIST = Safelist.relaxed()
		.removeTags("img")
		.addAttributes("a", "rel")
		.preserveRelativeLinks(false);

	private ShowNotes() {
	}

	/** The notes' blocks as one sanitized HTML fragment. */
	static String html(List<Element> blocks) {
		var notesHtml = new StringBuilder();
		for (var block : blocks) {
			notesHtml.append(block.outerHtml()).append('\n');
		}
		return sanitize(notesHtml.toString());
	}

	/** Removes anything that could run script or load content from the feed's HTML. */
	static String sanitize(String html) {
		var dirty = Jsoup.parseBodyFragment(html);
		var clean = new Cleaner(NOTES_SAFELIST).clean(dirty);
		for (var link : clean.select("a[href]")) {
			link.attr("rel", "nofollow noopener noreferrer");
		}
		clean.outputSettings().prettyPrint(false);
		return clean.body().html().strip();
	}

	/** The notes as plain text, cut at a word boundary near 280 characters. */
	static String summary(String showNotesHtml) {
		var text = DescriptionBlocks.normalise(Jsoup.parseBodyFragment(showNotesHtml).text());
		if (text.length() <= SUMMARY_LENGTH) {
			return text;
		}
		int cut = text.lastIndexOf(' ', SUMMARY_LENGTH);
		return text.substring(0, (cut > SUMMARY_LENGTH / 2) ? cut : SUMMARY_LENGTH).strip() + "…";
	}

}
