package ai.interconnects.archive.transcript;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A description's HTML as the parsers read it: top-level blocks, the lines of a block,
 * and text with its whitespace normalised.
 */
final class DescriptionBlocks {

	private DescriptionBlocks() {
	}

	/**
	 * The top-level blocks of the description; loose text at the top level becomes a
	 * paragraph of its own, and wrapper {@code <div>}s are looked into.
	 */
	static List<Element> of(Document document) {
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

	/** The lines of a block: its list items, or its text split at line breaks. */
	static List<String> lines(Element block) {
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

	static String normalise(String text) {
		return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
	}

}
