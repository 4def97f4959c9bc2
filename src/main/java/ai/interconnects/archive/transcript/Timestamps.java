package ai.interconnects.archive.transcript;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Timestamps as podcasts write them: {@code 754}, {@code 12:34}, {@code 1:02:03},
 * {@code 00:12:34}.
 */
public final class Timestamps {

	private static final Pattern CLOCK = Pattern.compile("(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{2})");

	private static final Pattern SECONDS = Pattern.compile("\\d{1,6}");

	private Timestamps() {
	}

	/**
	 * Parses a clock time ({@code MM:SS}, {@code H:MM:SS}, {@code HH:MM:SS}) or a plain
	 * number of seconds. Returns empty for anything else, negative values and
	 * out-of-range minutes or seconds included.
	 */
	public static OptionalInt parse(String value) {
		if (value == null) {
			return OptionalInt.empty();
		}
		var text = value.strip();
		if (SECONDS.matcher(text).matches()) {
			return OptionalInt.of(Integer.parseInt(text));
		}
		var clock = CLOCK.matcher(text);
		if (!clock.matches()) {
			return OptionalInt.empty();
		}
		int hours = (clock.group(1) != null) ? Integer.parseInt(clock.group(1)) : 0;
		int minutes = Integer.parseInt(clock.group(2));
		int seconds = Integer.parseInt(clock.group(3));
		if (seconds > 59 || (clock.group(1) != null && minutes > 59)) {
			return OptionalInt.empty();
		}
		return OptionalInt.of(hours * 3600 + minutes * 60 + seconds);
	}

	/** {@code 754} as {@code 12:34}, {@code 3723} as {@code 1:02:03}. */
	public static String format(int totalSeconds) {
		int seconds = Math.max(0, totalSeconds);
		int h = seconds / 3600;
		int m = (seconds % 3600) / 60;
		int s = seconds % 60;
		return (h > 0) ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
	}

}
