package ai.interconnects.archive.feed.client;

import java.util.Locale;

import com.rometools.rome.feed.synd.SyndFeed;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * What a channel's XML says that Rome does not map: the Atom author of an RSS channel
 * ({@code <atom:author><atom:name>}), and {@code itunes:type}.
 */
final class ChannelMarkup {

	private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");

	private ChannelMarkup() {
	}

	/**
	 * The first author's name: an Atom feed's (as Rome reads it), or an RSS channel's
	 * {@code atom:author}; null for none.
	 */
	static String atomAuthor(SyndFeed feed, Element channel) {
		for (var person : feed.getAuthors()) {
			if (person.getName() != null && !person.getName().isBlank()) {
				return person.getName().strip();
			}
		}
		if (channel == null) {
			return null;
		}
		for (var author : channel.getChildren("author", ATOM)) {
			var name = author.getChildTextTrim("name", ATOM);
			if (name != null && !name.isEmpty()) {
				return name;
			}
			if (author.getChildren().isEmpty() && !author.getTextTrim().isEmpty()) {
				return author.getTextTrim();
			}
		}
		return null;
	}

	/**
	 * {@code itunes:type}: {@code episodic} or {@code serial}; null for anything else.
	 */
	static String showType(Element channel) {
		if (channel == null) {
			return null;
		}
		var type = channel.getChildTextTrim("type", Namespace.getNamespace(ItemMarkup.ITUNES));
		if (type == null) {
			return null;
		}
		type = type.toLowerCase(Locale.ROOT);
		return (type.equals("episodic") || type.equals("serial")) ? type : null;
	}

}
