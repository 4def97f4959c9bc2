package ai.interconnects.archive.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * URL slugs from titles: lower-case words joined by hyphens. Letters of every script are
 * kept (a Hebrew title gives a Hebrew slug, percent-encoded in URLs); only accents on
 * Latin letters are dropped ({@code Café} gives {@code cafe}). A title with no letter or
 * digit at all gets a stable slug from the episode's identity, never a counter. Episodes
 * and shows are named by the same rule.
 */
public final class Slugs {

	public static final int MAX_LENGTH = 80;

	private Slugs() {
	}

	public static String of(String title, String identity) {
		return of(title, identity, "episode-");
	}

	/** As {@link #of(String, String)}, with {@code fallbackPrefix} before the hash. */
	public static String of(String title, String identity, String fallbackPrefix) {
		var slug = Normalizer.normalize((title != null) ? title : "", Normalizer.Form.NFKD)
			.replaceAll("(?<=\\p{IsLatin})\\p{M}+", "");
		// marks with no letter to sit on (an emoji's variation selector) are dropped
		slug = Normalizer.normalize(slug, Normalizer.Form.NFC)
			.replaceAll("(?<![\\p{L}\\p{N}\\p{M}])\\p{M}+", "")
			.replace('’', '\'')
			.replace("'", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^\\p{L}\\p{N}\\p{M}]+", "-")
			.replaceAll("^-+|-+$", "");
		if (slug.length() > MAX_LENGTH) {
			slug = slug.substring(0, MAX_LENGTH);
			int cut = slug.lastIndexOf('-');
			if (cut > MAX_LENGTH / 2) {
				slug = slug.substring(0, cut);
			}
		}
		return slug.isEmpty() ? fallbackPrefix + shortHash(identity) : slug;
	}

	private static String shortHash(String identity) {
		try {
			var digest = MessageDigest.getInstance("SHA-256")
				.digest(String.valueOf(identity).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 5);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
