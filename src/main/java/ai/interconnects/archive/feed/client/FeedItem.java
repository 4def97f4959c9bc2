package ai.interconnects.archive.feed.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One feed item as read from the feed, before it is turned into an episode. Everything
 * but the title may be missing.
 */
public record FeedItem(String guid, String title, String link, Instant publishedAt, Integer durationSeconds,
		String audioUrl, String audioType, Long audioLength, String imageUrl, String episodeType, String description) {

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
		if (this.audioUrl == null || this.audioUrl.isBlank()) {
			return null;
		}
		var url = this.audioUrl.strip();
		int cut = url.indexOf('?');
		if (cut >= 0) {
			url = url.substring(0, cut);
		}
		cut = url.indexOf('#');
		return (cut >= 0) ? url.substring(0, cut) : url;
	}

}
