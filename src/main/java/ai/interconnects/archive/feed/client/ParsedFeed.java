package ai.interconnects.archive.feed.client;

import java.util.List;

/**
 * A parsed feed: the channel's own fields and its items, plus the items that could not
 * even be read (recorded as failures, the others are still stored) and what had to be
 * repaired in the XML to read it (for the operator; an item's repairs are also among its
 * own warnings). {@code author} is the iTunes author, else the RSS or Atom one;
 * {@code showType} is {@code itunes:type}, {@code episodic} or {@code serial}, or null.
 */
public record ParsedFeed(String title, String link, String imageUrl, String author, String description,
		List<FeedItem> items, List<ItemError> itemErrors, String copyright, String language, List<String> warnings,
		String showType) {

	public ParsedFeed {
		warnings = (warnings != null) ? List.copyOf(warnings) : List.of();
	}

	public ParsedFeed(String title, String link, String imageUrl, String author, String description,
			List<FeedItem> items, List<ItemError> itemErrors) {
		this(title, link, imageUrl, author, description, items, itemErrors, null, null, List.of(), null);
	}

	public record ItemError(String key, String title, String message) {
	}

}
