package ai.interconnects.archive.episode;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs from titles: lower-case ASCII words joined by hyphens. */
final class Slugs {

	static final int MAX_LENGTH = 80;

	private Slugs() {
	}

	static String of(String title) {
		var ascii = Normalizer.normalize((title != null) ? title : "", Normalizer.Form.NFKD)
			.replaceAll("\\p{M}+", "")
			.replace('’', '\'')
			.replace("'", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-+|-+$", "");
		if (ascii.length() > MAX_LENGTH) {
			ascii = ascii.substring(0, MAX_LENGTH);
			int cut = ascii.lastIndexOf('-');
			if (cut > MAX_LENGTH / 2) {
				ascii = ascii.substring(0, cut);
			}
		}
		return ascii.isEmpty() ? "episode" : ascii;
	}

}
