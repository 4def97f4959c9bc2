package ai.interconnects.archive.search.meaning;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The show notes (sanitized HTML) as paragraphs of plain text, the units embedded and
 * shown as "Show notes" moments: each paragraph, list item, heading, quote or
 * preformatted block, in document order; one that is longer than {@link #MAX_WORDS} is
 * cut at sentence ends into pieces of at most about {@link #PIECE_WORDS} words, because a
 * sentence embedding of a whole page says little about any one of its points.
 */
final class NotesParagraphs {

	static final int MAX_WORDS = 160;

	static final int PIECE_WORDS = 110;

	private static final String BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, dt, dd, figcaption";

	private NotesParagraphs() {
	}

	static List<String> of(String html) {
		var paragraphs = new ArrayList<String>();
		if (html == null || html.isBlank()) {
			return paragraphs;
		}
		var body = Jsoup.parseBodyFragment(html).body();
		var blocks = body.select(BLOCKS);
		if (blocks.isEmpty()) {
			pieces(body.text(), paragraphs);
			return paragraphs;
		}
		for (var block : blocks) {
			if (containsBlock(block)) {
				// a list item holding paragraphs: they are taken one by one
				continue;
			}
			pieces(block.text(), paragraphs);
		}
		return paragraphs;
	}

	private static boolean containsBlock(Element block) {
		for (var inner : block.select(BLOCKS)) {
			if (inner != block) {
				return true;
			}
		}
		return false;
	}

	private static void pieces(String text, List<String> into) {
		var clean = text.strip().replaceAll("\\s+", " ");
		if (clean.isEmpty()) {
			return;
		}
		if (MomentTexts.words(clean) <= MAX_WORDS) {
			into.add(clean);
			return;
		}
		var sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
		sentences.setText(clean);
		var piece = new StringBuilder();
		int words = 0;
		int start = sentences.first();
		for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
			var sentence = clean.substring(start, end).strip();
			int count = MomentTexts.words(sentence);
			if (words > 0 && words + count > PIECE_WORDS) {
				into.add(piece.toString());
				piece.setLength(0);
				words = 0;
			}
			if (!piece.isEmpty()) {
				piece.append(' ');
			}
			piece.append(sentence);
			words += count;
		}
		if (!piece.isEmpty()) {
			into.add(piece.toString());
		}
	}

}
