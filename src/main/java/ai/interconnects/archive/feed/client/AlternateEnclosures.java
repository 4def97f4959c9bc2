package ai.interconnects.archive.feed.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jdom2.Element;

/**
 * An item's Podcasting 2.0 {@code <podcast:alternateEnclosure>} tags (under either
 * namespace URI), each with its {@code <podcast:source>} children. What a hostile or
 * careless feed could make of them is bounded: at most {@value #MAX_ENCLOSURES} per item
 * and {@value #MAX_SOURCES} sources each, text attributes cut to 128 characters, numbers
 * that are not whole and positive dropped, and only sources whose URI has a scheme media
 * are served from (a web URL is cleaned as every other URL of the feed).
 */
final class AlternateEnclosures {

	static final int MAX_ENCLOSURES = 20;

	static final int MAX_SOURCES = 10;

	private static final int MAX_TEXT = 128;

	private static final int MAX_URI = 2048;

	/**
	 * Schemes of the spec's examples and of what players fetch; never javascript: or
	 * data:.
	 */
	private static final Set<String> SCHEMES = Set.of("http", "https", "ipfs", "ipns", "magnet", "ar");

	private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

	private AlternateEnclosures() {
	}

	static List<ItemExtras.AlternateEnclosure> of(Element item) {
		var result = new ArrayList<ItemExtras.AlternateEnclosure>();
		for (var child : item.getChildren()) {
			if (result.size() >= MAX_ENCLOSURES) {
				break;
			}
			if (!child.getName().equals("alternateEnclosure")
					|| !ItemMarkup.PODCAST_NAMESPACES.contains(child.getNamespaceURI())) {
				continue;
			}
			var sources = sources(child);
			if (sources.isEmpty()) {
				continue;
			}
			var type = text(child.getAttributeValue("type"));
			result.add(new ItemExtras.AlternateEnclosure((type != null) ? type.toLowerCase(Locale.ROOT) : null,
					number(child.getAttributeValue("length")), number(child.getAttributeValue("bitrate")),
					integer(child.getAttributeValue("height")), text(child.getAttributeValue("lang")),
					text(child.getAttributeValue("title")), text(child.getAttributeValue("rel")),
					text(child.getAttributeValue("codecs")),
					"true".equalsIgnoreCase(strip(child.getAttributeValue("default"))), sources));
		}
		return List.copyOf(result);
	}

	private static List<ItemExtras.Source> sources(Element enclosure) {
		var sources = new ArrayList<ItemExtras.Source>();
		for (var child : enclosure.getChildren()) {
			if (sources.size() >= MAX_SOURCES) {
				break;
			}
			if (!child.getName().equals("source") || !ItemMarkup.PODCAST_NAMESPACES.contains(child.getNamespaceURI())) {
				continue;
			}
			var uri = uri(child.getAttributeValue("uri"));
			if (uri != null && sources.stream().noneMatch((source) -> source.uri().equals(uri))) {
				sources.add(new ItemExtras.Source(uri, text(child.getAttributeValue("contentType"))));
			}
		}
		return sources;
	}

	/** A web URL cleaned as every URL of the feed; another media scheme as written. */
	static String uri(String value) {
		var raw = strip(value);
		if (raw == null || raw.length() > MAX_URI) {
			return null;
		}
		var scheme = SCHEME.matcher(raw);
		if (!scheme.find() || !SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT))) {
			return null;
		}
		if (scheme.group(1).toLowerCase(Locale.ROOT).startsWith("http")) {
			return FeedParser.webUrl(raw);
		}
		return raw.chars().anyMatch((c) -> c <= ' ' || c == 0x7f) ? null : raw;
	}

	private static String strip(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static String text(String value) {
		var text = strip(value);
		if (text == null) {
			return null;
		}
		text = text.replaceAll("\\p{Cntrl}", "").replaceAll("\\s+", " ");
		return (text.length() > MAX_TEXT) ? text.substring(0, MAX_TEXT) : text;
	}

	/** A whole positive number (a bitrate written {@code 128000.0} too), else null. */
	private static Long number(String value) {
		var text = strip(value);
		if (text == null) {
			return null;
		}
		try {
			double number = Double.parseDouble(text);
			return (number >= 1 && number < 1e15) ? Math.round(number) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Integer integer(String value) {
		var number = number(value);
		return (number != null && number <= 100_000) ? number.intValue() : null;
	}

}
