package ai.interconnects.archive.web;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times as podcasts write them, read by one grammar: a number of seconds ({@code 754},
 * {@code 62.5}) or a clock time ({@code 12:34}, {@code 1:02:03}, {@code 00:12:34}), with
 * or without a fraction of a second after a point or a comma ({@code 00:01:02.500} in
 * WebVTT and Podlove, {@code 00:01:02,500} in SRT, {@code 00:49.53} in
 * {@code itunes:duration}). Read as a moment (a chapter's or a line's start, a page's
 * {@code t}), a clock time is a real one: seconds up to 59 and, after hours, minutes up
 * to 59. Read as a length ({@code itunes:duration}), the fields are added up as written
 * ({@code 75:00} is 75 minutes, {@code 1:75} 135 seconds). Stored times are whole
 * seconds: a start rounds down, so that playing from it never skips the first word, an
 * end rounds up, and a length to the nearest second.
 */
public final class TimeCode {

	private static final Pattern FORM = Pattern
		.compile("(?:(?:(\\d{1,3}):)?(\\d{1,4}):)?(\\d{1,7})(?:[.,](\\d{1,9}))?");

	private TimeCode() {
	}

	/** The moment in seconds, or {@code -1} when the text is not a time code. */
	public static double seconds(String text) {
		var form = match(text);
		if (form == null) {
			return -1;
		}
		boolean hours = form.group(1) != null;
		boolean minutes = form.group(2) != null;
		if ((minutes && Long.parseLong(form.group(3)) > 59) || (hours && Long.parseLong(form.group(2)) > 59)) {
			return -1;
		}
		return total(form);
	}

	/** The moment in whole seconds (rounded down); empty when not a time code. */
	public static OptionalInt wholeSeconds(String text) {
		var start = start(seconds(text));
		return (start != null) ? OptionalInt.of(start) : OptionalInt.empty();
	}

	/**
	 * A length as {@code itunes:duration} writes it, to the nearest second; {@code null}
	 * unless it is a positive time.
	 */
	public static Integer duration(String text) {
		var form = match(text);
		if (form == null) {
			return null;
		}
		long total = Math.round(total(form));
		return (total > 0 && total < Integer.MAX_VALUE) ? (int) total : null;
	}

	/** A start in whole seconds (rounded down), or null for a negative time. */
	public static Integer start(double seconds) {
		return (seconds >= 0 && seconds < Integer.MAX_VALUE) ? (int) Math.floor(seconds) : null;
	}

	/** An end in whole seconds (rounded up), or null for a negative time. */
	public static Integer end(double seconds) {
		return (seconds >= 0 && seconds < Integer.MAX_VALUE) ? (int) Math.ceil(seconds) : null;
	}

	/** {@code 754} as {@code 12:34}, {@code 3723} as {@code 1:02:03}. */
	public static String format(int totalSeconds) {
		int seconds = Math.max(0, totalSeconds);
		int h = seconds / 3600;
		int m = (seconds % 3600) / 60;
		int s = seconds % 60;
		return (h > 0) ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
	}

	private static Matcher match(String text) {
		if (text == null) {
			return null;
		}
		var form = FORM.matcher(text.strip());
		return form.matches() ? form : null;
	}

	private static double total(Matcher form) {
		long hours = (form.group(1) != null) ? Long.parseLong(form.group(1)) : 0;
		long minutes = (form.group(2) != null) ? Long.parseLong(form.group(2)) : 0;
		long seconds = Long.parseLong(form.group(3));
		double fraction = (form.group(4) != null) ? Double.parseDouble("0." + form.group(4)) : 0;
		return hours * 3600 + minutes * 60 + seconds + fraction;
	}

}
