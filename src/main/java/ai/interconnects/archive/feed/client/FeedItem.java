package ai.interconnects.archive.feed.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

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

	/**
	 * The identity of the item: its GUID; without one, its enclosure URL without the
	 * query string, then its link, then its title and publication date.
	 */
	public String identityKey() {
		if (this.guid != null && !this.guid.isBlank()) {
			return this.guid.strip();
		}
		var audioKey = audioKey();
		if (audioKey != null) {
			return "enclosure:" + audioKey;
		}
		if (this.link != null) {
			return "link:" + this.link;
		}
		return "title:" + this.title + "|" + this.publishedAt;
	}

	/** A hash over every stored field of the item, to skip unchanged items cheaply. */
	public String contentHash() {
		try {
			var digest = MessageDigest.getInstance("SHA-256");
			for (Object field : new Object[] { this.title, this.link, this.publishedAt, this.durationSeconds,
					this.audioUrl, this.audioType, this.audioLength, this.imageUrl, this.episodeType,
					this.description }) {
				digest.update(String.valueOf(field).getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			// only for items that have extras: other items keep the hash they always had
			var extraText = this.extras.fingerprint();
			if (!extraText.isEmpty()) {
				digest.update(extraText.getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/**
	 * The enclosure URL without query string or fragment (tracking parameters vary), or
	 * {@code null} without an enclosure.
	 */
	public String audioKey() {
		return audioKey(this.audioUrl);
	}

	/**
	 * {@link #audioKey()} of an enclosure URL (also for an episode restored from a
	 * backup).
	 */
	public static String audioKey(String audioUrl) {
		if (audioUrl == null || audioUrl.isBlank()) {
			return null;
		}
		var url = audioUrl.strip();
		int cut = url.indexOf('?');
		if (cut >= 0) {
			url = url.substring(0, cut);
		}
		cut = url.indexOf('#');
		return (cut >= 0) ? url.substring(0, cut) : url;
	}

}
