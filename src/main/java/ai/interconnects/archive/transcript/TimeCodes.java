package ai.interconnects.archive.transcript;

import java.util.regex.Pattern;

/**
 * Time codes of transcript and chapter files, with fractions of a second:
 * {@code 00:01:02.500} (VTT, Podlove), {@code 00:01:02,500} (SRT), {@code 01:02.5},
 * {@code 62.5} (JSON). Stored times are whole seconds: a start rounds down, so that
 * playing from it never skips the first word, and an end rounds up.
 */
final class TimeCodes {

	private static final Pattern CLOCK = Pattern.compile("(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{1,2})(?:[.,](\\d{1,9}))?");

	private static final Pattern SECONDS = Pattern.compile("\\d{1,7}(?:[.,]\\d{1,9})?");

	private TimeCodes() {
	}

	/** Seconds, or {@code -1} when the text is not a time code. */
	static double seconds(String value) {
		if (value == null) {
			return -1;
		}
		var text = value.strip();
		if (SECONDS.matcher(text).matches()) {
			return Double.parseDouble(text.replace(',', '.'));
		}
		var clock = CLOCK.matcher(text);
		if (!clock.matches()) {
			return -1;
		}
		int hours = (clock.group(1) != null) ? Integer.parseInt(clock.group(1)) : 0;
		int minutes = Integer.parseInt(clock.group(2));
		int seconds = Integer.parseInt(clock.group(3));
		if (seconds > 59 || (clock.group(1) != null && minutes > 59)) {
			return -1;
		}
		double fraction = (clock.group(4) != null) ? Double.parseDouble("0." + clock.group(4)) : 0;
		return hours * 3600 + minutes * 60 + seconds + fraction;
	}

	static Integer start(double seconds) {
		return (seconds >= 0 && seconds < Integer.MAX_VALUE) ? (int) Math.floor(seconds) : null;
	}

	static Integer end(double seconds) {
		return (seconds >= 0 && seconds < Integer.MAX_VALUE) ? (int) Math.ceil(seconds) : null;
	}

}
