package ai.interconnects.archive.episode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

import ai.interconnects.archive.feed.client.FeedItem;

/**
 * Items of one feed file that share an identity (hosts reuse GUIDs: a re-run published
 * under the original's GUID, a template never filled in). Items that also share their
 * audio, date and title are the same episode listed twice: the repeats are skipped, with
 * a reason. Items that differ in audio, date or title are different episodes: the
 * earliest keeps the GUID, each later one gets {@code GUID#<hash of its audio and date>}
 * (and of its title, when another of them has the same audio and date), an identity that
 * does not depend on the order of the file and stays the same on every poll.
 */
public final class SharedGuids {

	/** The items to store, and the repeats left out with why. */
	public record Resolved(List<FeedItem> items, List<Skipped> skipped) {
	}

	public record Skipped(String key, String title, String reason) {
	}

	private SharedGuids() {
	}

	public static Resolved resolve(List<FeedItem> items) {
		var groups = new LinkedHashMap<String, List<FeedItem>>();
		for (var item : items) {
			groups.computeIfAbsent(item.identityKey(), (key) -> new ArrayList<>()).add(item);
		}
		var skipped = new ArrayList<Skipped>();
		var renamed = new java.util.IdentityHashMap<FeedItem, FeedItem>();
		for (var group : groups.entrySet()) {
			if (group.getValue().size() < 2) {
				continue;
			}
			var distinct = new ArrayList<FeedItem>();
			for (var item : group.getValue()) {
				if (distinct.stream().anyMatch((kept) -> sameEpisode(kept, item))) {
					skipped.add(new Skipped(group.getKey(), item.title(),
							"Skipped: listed again in the same file (same identity, audio, date and title as an earlier"
									+ " item)"));
					renamed.put(item, null);
				}
				else {
					distinct.add(item);
				}
			}
			distinct.sort(Comparator.comparing(FeedItem::publishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing((item) -> String.valueOf(item.audioKey()))
				.thenComparing(SharedGuids::title));
			for (int i = 1; i < distinct.size(); i++) {
				var item = distinct.get(i);
				// the title only joins the hash where audio and date tell items apart no
				// more, so that identities given before stay the same
				boolean titled = distinct.stream().anyMatch((other) -> other != item && sameAudioAndDate(other, item));
				renamed.put(item, item.withGuid(group.getKey() + "#" + hash(item, titled)));
			}
		}
		var result = new ArrayList<FeedItem>(items.size());
		for (var item : items) {
			if (!renamed.containsKey(item)) {
				result.add(item);
			}
			else if (renamed.get(item) != null) {
				result.add(renamed.get(item));
			}
		}
		return new Resolved(List.copyOf(result), List.copyOf(skipped));
	}

	private static boolean sameEpisode(FeedItem a, FeedItem b) {
		return sameAudioAndDate(a, b) && title(a).equals(title(b));
	}

	private static boolean sameAudioAndDate(FeedItem a, FeedItem b) {
		return Objects.equals(a.audioKey(), b.audioKey()) && Objects.equals(a.publishedAt(), b.publishedAt());
	}

	/** The title as compared: case and runs of spaces do not make another episode. */
	private static String title(FeedItem item) {
		return String.valueOf(item.title()).strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
	}

	private static String hash(FeedItem item, boolean withTitle) {
		var text = item.audioKey() + "|" + item.publishedAt() + (withTitle ? "|" + title(item) : "");
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
