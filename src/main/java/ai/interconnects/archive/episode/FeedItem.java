package ai.interconnects.archive.episode;

import java.time.Instant;

/**
 * One feed item as read from the feed, before it is turned into an episode. Everything
 * but the title may be missing.
 */
public record FeedItem(String guid, String title, String link, Instant publishedAt, Integer durationSeconds,
		String audioUrl, String audioType, Long audioLength, String imageUrl, String episodeType, String description) {
}
