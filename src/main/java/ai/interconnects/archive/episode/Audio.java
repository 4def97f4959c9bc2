package ai.interconnects.archive.episode;

import ai.interconnects.archive.feed.client.FeedItem;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An episode's audio file, as the item's enclosure gives it, in the episode's
 * {@code audio_*} columns. {@code key} is the URL normalised for matching a re-published
 * item to its episode (see {@link FeedItem#audioKey()}). All parts are null when the item
 * has no enclosure.
 */
@Embeddable
public record Audio(@Column(name = "audio_url") String url, @Column(name = "audio_type") String type,
		@Column(name = "audio_length") Long length, @Column(name = "audio_key") String key) {

	/**
	 * No audio file: what an episode loads when all its {@code audio_*} columns are null.
	 */
	static final Audio NONE = new Audio(null, null, null, null);

	static Audio of(FeedItem item) {
		return new Audio(item.audioUrl(), item.audioType(), item.audioLength(), item.audioKey());
	}

}
