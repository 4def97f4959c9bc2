package ai.interconnects.archive.feed.client;

import java.util.List;

/**
 * A parsed feed: the channel's own fields and its items, plus the items that could not
 * even be read (recorded as failures, the others are still stored).
 */
public record ParsedFeed(String title, String link, String imageUrl, String author, String description,
		List<FeedItem> items, List<ItemError> itemErrors) {

	public record ItemError(String key, String title, String message) {
	}

}
