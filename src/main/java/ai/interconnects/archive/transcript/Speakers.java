package ai.interconnects.archive.transcript;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Speaker names as transcripts print them, and the slugs of their pages
 * ({@code /speakers/dean-ball}).
 */
public final class Speakers {

	private Speakers() {
	}

	/**
	 * Lower-case ASCII words joined by hyphens; a name with no such letters (an emoji, a
	 * script without a transliteration here) keeps its code points, URL-encoded by the
	 * links that carry it.
	 */
	public static String slug(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		var ascii = Normalizer.normalize(name, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}+", "")
			.replace("’", "")
			.replace("'", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-+|-+$", "");
		return ascii.isEmpty() ? name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-") : ascii;
	}

}
