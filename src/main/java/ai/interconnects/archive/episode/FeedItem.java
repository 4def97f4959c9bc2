package ai.interconnects.archive.episode;

import java.time.Instant;

import ai.interconnects.archive.transcript.ItemExtras;

/**
 * One feed item as read from the feed, before it is turned into an episode. Everything
 * but the title may be missing.
 *
 * @param extras the publisher's transcript and chapter files, inline chapters, and what
 * had to be guessed while reading the item
 */
public record FeedItem(String guid, String title, String link, Instant publishedAt, Integer durationSeconds,
		String audioUrl, String audioType, Long audioLength, String imageUrl, String episodeType, String description,
		ItemExtras extras) {

	public FeedItem {
		extras = (extras != null) ? extras : ItemExtras.NONE;
	}

	public FeedItem(String guid, String title, String link, Instant publishedAt, Integer durationSeconds,
			String audioUrl, String audioType, Long audioLength, String imageUrl, String episodeType,
			String description) {
		this(guid, title, link, publishedAt, durationSeconds, audioUrl, audioType, audioLength, imageUrl, episodeType,
				description, ItemExtras.NONE);
	}

	/** The same item under another identity (a GUID shared by two different episodes). */
	public FeedItem withGuid(String newGuid) {
		return new FeedItem(newGuid, this.title, this.link, this.publishedAt, this.durationSeconds, this.audioUrl,
				this.audioType, this.audioLength, this.imageUrl, this.episodeType, this.description, this.extras);
	}

}
