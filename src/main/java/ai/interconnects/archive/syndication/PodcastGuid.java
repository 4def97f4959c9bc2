package ai.interconnects.archive.syndication;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The {@code podcast:guid} of a show: per the Podcasting 2.0 namespace, a UUIDv5 (SHA-1,
 * RFC 4122) of the feed URL without its scheme and trailing slashes, in the namespace
 * {@code ead4c236-bf58-58c6-a2c6-a6b28d128cb6}. The archive uses the URL the show's feed
 * was first configured with, so the GUID identifies the same show as its original feed
 * and survives the feed moving.
 */
final class PodcastGuid {

	static final UUID NAMESPACE = UUID.fromString("ead4c236-bf58-58c6-a2c6-a6b28d128cb6");

	private PodcastGuid() {
	}

	static UUID of(String feedUrl) {
		var name = feedUrl.strip().replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "").replaceFirst("/+$", "");
		return v5(NAMESPACE, name);
	}

	static UUID v5(UUID namespace, String name) {
		try {
			var sha1 = MessageDigest.getInstance("SHA-1");
			sha1.update(ByteBuffer.allocate(16)
				.putLong(namespace.getMostSignificantBits())
				.putLong(namespace.getLeastSignificantBits())
				.array());
			var hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
			hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
			hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
			var buffer = ByteBuffer.wrap(hash, 0, 16);
			return new UUID(buffer.getLong(), buffer.getLong());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
