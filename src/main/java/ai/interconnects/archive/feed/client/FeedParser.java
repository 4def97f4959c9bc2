package ai.interconnects.archive.feed.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ai.interconnects.archive.web.TimeCode;
import ai.interconnects.archive.web.WebUrl;
import com.rometools.modules.itunes.EntryInformation;
import com.rometools.modules.itunes.FeedInformation;
import com.rometools.modules.itunes.ITunes;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;

/**
 * Reads an RSS or Atom feed with Rome and its iTunes module, and what Rome does not map
 * from each item's XML ({@link ItemMarkup}). The XML is read by {@link FeedDocument},
 * which refuses DOCTYPE declarations (no external entities, no entity expansion) and
 * salvages the readable items of a feed with one broken item.
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
		var read = FeedDocument.read(body, contentType);
		var feed = read.feed();
		var items = new ArrayList<FeedItem>();
		var errors = new ArrayList<ParsedFeed.ItemError>(read.unreadable());
		var entries = feed.getEntries();
		for (int i = 0; i < entries.size(); i++) {
			var entry = entries.get(i);
			try {
				var markup = read.itemElements().isEmpty() ? null : new ItemMarkup(read.itemElements().get(i));
				items.add(toItem(entry, markup, read.warningsOf(i)));
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
		if (!notBlank(author)) {
			author = ChannelMarkup.atomAuthor(feed, read.channel());
		}
		return new ParsedFeed(clean(feed.getTitle()), webUrl(feed.getLink()), webUrl(image), clean(author),
				clean(feed.getDescription()), items, errors, clean(feed.getCopyright()), clean(feed.getLanguage()),
				read.warnings(), ChannelMarkup.showType(read.channel()));
	}

	private FeedItem toItem(SyndEntry entry, ItemMarkup markup, List<String> repairs) {
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
			duration = (markup != null) ? TimeCode.duration(markup.itunes("duration")) : null;
			if (duration == null && itunes.getDuration() != null) {
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
		description = ItemText.fallback(description, markup, itunes);
		var published = (entry.getPublishedDate() != null) ? entry.getPublishedDate().toInstant() : null;
		// read again without Rome's leniency, which rolls "118 Jun" over into September
		var lenient = (markup != null) ? LenientDates.parse(markup.rawDate()) : null;
		if (lenient != null && !lenient.impossible() && published != null) {
			lenient = null;
		}
		if (lenient != null) {
			published = lenient.instant();
		}
		var warnings = new ArrayList<String>(repairs);
		if (lenient != null && lenient.warning() != null) {
			warnings.add(lenient.warning());
		}
		var extras = ItemText.extras(markup, warnings);
		return new FeedItem(guid, title, webUrl(entry.getLink()), published, duration,
				(enclosure != null) ? webUrl(enclosure.getUrl()) : null,
				(enclosure != null) ? clean(enclosure.getType()) : null,
				(enclosure != null && enclosure.getLength() > 0) ? enclosure.getLength() : null, webUrl(image),
				(episodeType != null) ? episodeType.toLowerCase(Locale.ROOT) : null, description, extras);
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

	static String rootMessage(Throwable ex) {
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
	static String webUrl(String value) {
		return WebUrl.asWrittenOrNull(value);
	}

	private static boolean notBlank(String value) {
		return value != null && !value.isBlank();
	}

	private static String clean(String value) {
		return notBlank(value) ? value.strip() : null;
	}

}
