package ai.interconnects.archive.feed.client;

import java.util.regex.Pattern;

/**
 * {@code itunes:duration} as written: seconds ({@code 2111}, {@code 2111.6}),
 * {@code MM:SS}, {@code H:MM:SS}, with or without a fraction of a second
 * ({@code 00:49.53} is 50 seconds, rounded, not 49).
 */
final class Durations {

	private static final Pattern DURATION = Pattern
		.compile("(?:(?:(\\d{1,3}):)?(\\d{1,4}):)?(\\d{1,7})(?:[.,](\\d{1,9}))?");

	private Durations() {
	}

	/** Whole seconds, or {@code null} when the text is not a positive duration. */
	static Integer seconds(String raw) {
		if (raw == null) {
			return null;
		}
		var matcher = DURATION.matcher(raw.strip());
		if (!matcher.matches()) {
			return null;
		}
		long hours = (matcher.group(1) != null) ? Long.parseLong(matcher.group(1)) : 0;
		long minutes = (matcher.group(2) != null) ? Long.parseLong(matcher.group(2)) : 0;
		long seconds = Long.parseLong(matcher.group(3));
		double fraction = (matcher.group(4) != null) ? Double.parseDouble("0." + matcher.group(4)) : 0;
		long total = Math.round(hours * 3600 + minutes * 60 + seconds + fraction);
		return (total > 0 && total < Integer.MAX_VALUE) ? (int) total : null;
	}

}
