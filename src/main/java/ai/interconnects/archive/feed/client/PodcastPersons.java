package ai.interconnects.archive.feed.client;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jdom2.Element;

/**
 * Reads the Podcasting 2.0 {@code <podcast:person>} tags of one element (an item or the
 * channel). Everything in them is untrusted: names are trimmed, whitespace collapsed,
 * control characters dropped and cut to {@value #MAX_NAME} characters; a role or group
 * that is not a short word or phrase counts as missing (the spec's defaults, {@code host}
 * and {@code cast}, apply); {@code img} and {@code href} are kept only as http(s) URLs of
 * at most {@value #MAX_URL} characters; the same person in the same role is listed once,
 * and at most {@value #MAX_PERSONS} persons are read per element.
 */
final class PodcastPersons {

	static final int MAX_NAME = 128;

	static final int MAX_URL = 2048;

	static final int MAX_PERSONS = 50;

	static final String DEFAULT_ROLE = "host";

	static final String DEFAULT_GROUP = "cast";

	/** The taxonomy's roles and groups: words, spaces, hyphens and ampersands. */
	private static final Pattern TERM = Pattern.compile("[\\p{L}][\\p{L}\\p{N} &'/.-]{0,39}");

	private PodcastPersons() {
	}

	static List<ItemExtras.Person> of(Element element) {
		var persons = new ArrayList<ItemExtras.Person>();
		var seen = new HashSet<String>();
		for (var child : element.getChildren()) {
			if (persons.size() == MAX_PERSONS) {
				break;
			}
			if (!child.getName().equals("person") || !ItemMarkup.PODCAST_NAMESPACES.contains(child.getNamespaceURI())) {
				continue;
			}
			var name = name(child.getText());
			if (name == null) {
				continue;
			}
			var role = term(child.getAttributeValue("role"), DEFAULT_ROLE);
			if (seen.add(name.toLowerCase(Locale.ROOT) + "\n" + role)) {
				persons.add(new ItemExtras.Person(name, role, term(child.getAttributeValue("group"), DEFAULT_GROUP),
						url(child.getAttributeValue("img")), url(child.getAttributeValue("href"))));
			}
		}
		return List.copyOf(persons);
	}

	static String name(String text) {
		if (text == null) {
			return null;
		}
		var name = text.replaceAll("[\\p{Cc}\\p{Cf}&&[^\\t\\n\\r]]", "").replaceAll("\\s+", " ").strip();
		if (name.isEmpty()) {
			return null;
		}
		if (name.length() > MAX_NAME) {
			int cut = Character.isHighSurrogate(name.charAt(MAX_NAME - 1)) ? MAX_NAME - 1 : MAX_NAME;
			name = name.substring(0, cut).strip();
		}
		return name;
	}

	private static String term(String value, String fallback) {
		if (value == null) {
			return fallback;
		}
		var term = value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
		return TERM.matcher(term).matches() ? term : fallback;
	}

	private static String url(String value) {
		if (value == null || value.length() > MAX_URL) {
			return null;
		}
		var url = FeedParser.webUrl(value);
		return (url != null && url.length() <= MAX_URL) ? url : null;
	}

}
