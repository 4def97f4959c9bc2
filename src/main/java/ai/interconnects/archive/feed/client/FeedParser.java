package ai.interconnects.archive.feed.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Locale;

import ai.interconnects.archive.web.Formats;
import com.rometools.modules.itunes.EntryInformation;
import com.rometools.modules.itunes.FeedInformation;
import com.rometools.modules.itunes.ITunes;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

/**
 * Reads an RSS feed with Rome and its iTunes module. Rome's {@link SyndFeedInput} refuses
 * DOCTYPE declarations, which shuts out external entities (XXE) and entity expansion
 * ("billion laughs") before they are read.
 */
class FeedParser {

	ParsedFeed parse(byte[] body, String contentType) throws FeedException {
		if (body == null || body.length == 0) {
			throw new FeedException(FeedException.Kind.NOT_A_FEED, "The feed is empty (0 bytes)");
		}
		if (looksLikeHtml(body, contentType)) {
			throw new FeedException(FeedException.Kind.NOT_A_FEED,
					"The feed URL returned an HTML page, not an RSS feed (Content-Type: "
							+ ((contentType != null) ? contentType : "none") + "; starts with '" + snippet(body)
							+ "')");
		}
		SyndFeed feed;
		try (var reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
			var input = new SyndFeedInput();
			input.setPreserveWireFeed(true);
			feed = input.build(reader);
		}
		catch (com.rometools.rome.io.FeedException | IOException | RuntimeException ex) {
			throw new FeedException(FeedException.Kind.NOT_A_FEED, "The feed is not valid RSS/XML: " + rootMessage(ex),
					ex);
		}
		var items = new ArrayList<FeedItem>();
		var errors = new ArrayList<ParsedFeed.ItemError>();
		for (var entry : feed.getEntries()) {
			try {
				items.add(toItem(entry));
			}
			catch (RuntimeException ex) {
				errors.add(new ParsedFeed.ItemError(entry.getUri(), entry.getTitle(),
						"Unreadable item: " + rootMessage(ex)));
			}
		}
		var itunes = (FeedInformation) feed.getModule(ITunes.URI);
		String image = (feed.getImage() != null) ? feed.getImage().getUrl() : null;
		if (itunes != null && itunes.getImageUri() != null) {
			image = itunes.getImageUri();
		}
		String author = (itunes != null && notBlank(itunes.getAuthor())) ? itunes.getAuthor() : feed.getAuthor();
		return new ParsedFeed(clean(feed.getTitle()), webUrl(feed.getLink()), webUrl(image), clean(author),
				clean(feed.getDescription()), items, errors);
	}

	private FeedItem toItem(SyndEntry entry) {
		var title = clean(entry.getTitle());
		if (title == null) {
			throw new IllegalArgumentException("the item has no title");
		}
		String guid = null;
		if (entry.getWireEntry() instanceof Item item && item.getGuid() != null) {
			guid = clean(item.getGuid().getValue());
		}
		SyndEnclosure enclosure = entry.getEnclosures()
			.stream()
			.filter((e) -> notBlank(e.getUrl()))
			.findFirst()
			.orElse(null);
		var itunes = (EntryInformation) entry.getModule(ITunes.URI);
		Integer duration = null;
		String image = null;
		String episodeType = null;
		if (itunes != null) {
			if (itunes.getDuration() != null) {
				long seconds = itunes.getDuration().getMilliseconds() / 1000;
				duration = (seconds > 0 && seconds < Integer.MAX_VALUE) ? (int) seconds : null;
			}
			image = itunes.getImageUri();
			episodeType = clean(itunes.getEpisodeType());
		}
		String description = (entry.getDescription() != null) ? entry.getDescription().getValue() : null;
		// Substack puts everything in <description>; other hosts use content:encoded.
		for (var content : entry.getContents()) {
			if (content.getValue() != null
					&& (description == null || content.getValue().length() > description.length())) {
				description = content.getValue();
			}
		}
		var published = (entry.getPublishedDate() != null) ? entry.getPublishedDate().toInstant() : null;
		return new FeedItem(guid, title, webUrl(entry.getLink()), published, duration,
				(enclosure != null) ? webUrl(enclosure.getUrl()) : null,
				(enclosure != null) ? clean(enclosure.getType()) : null,
				(enclosure != null && enclosure.getLength() > 0) ? enclosure.getLength() : null, webUrl(image),
				(episodeType != null) ? episodeType.toLowerCase(Locale.ROOT) : null, description);
	}

	private static boolean looksLikeHtml(byte[] body, String contentType) {
		if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html")) {
			return true;
		}
		var head = start(body, 512).toLowerCase(Locale.ROOT);
		return head.startsWith("<!doctype html") || head.startsWith("<html");
	}

	/**
	 * The start of a body that is not a feed, for the operator (the admin page and the
	 * log; visitors only see the kind of failure): short, on one line, printable
	 * characters only.
	 */
	static String snippet(byte[] body) {
		return start(body, 40).replaceAll("[^\\p{L}\\p{N}\\p{P}\\p{Zs}<>=+$^`|~]", "?");
	}

	private static String start(byte[] body, int max) {
		var text = new String(body, 0, Math.min(body.length, max * 4), StandardCharsets.UTF_8).strip();
		text = text.replaceAll("\\s+", " ");
		return (text.length() > max) ? text.substring(0, max) + "…" : text;
	}

	private static String rootMessage(Throwable ex) {
		var root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		var message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		if (ex != root && ex.getMessage() != null && !ex.getMessage().equals(message)) {
			message = ex.getMessage() + " (" + message + ")";
		}
		return message;
	}

	/**
	 * Only http(s) URLs are kept: a {@code javascript:} or {@code data:} link from a
	 * hostile feed must never become a link or player source on a page.
	 */
	private static String webUrl(String value) {
		return Formats.webUrl(value);
	}

	private static boolean notBlank(String value) {
		return value != null && !value.isBlank();
	}

	private static String clean(String value) {
		return notBlank(value) ? value.strip() : null;
	}

}
