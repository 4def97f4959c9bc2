package ai.interconnects.archive.feed.client;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication dates as real feeds write them, read without Rome's leniency: no comma
 * after the day ({@code Tue 11 Jan 2011 01:30:00 GMT}), long day names ({@code Thurs,}),
 * month-first dates, ISO dates without a zone, two-digit years.
 * <p>
 * A date that needed an assumption (no zone, an unknown zone, a two-digit year) comes
 * with a warning for the operator, and so does one that could not be read at all; an
 * episode never loses its date silently. A date that does not exist (day 118 of June,
 * second 352, an offset of 45 hours) is never rolled over into another one, as Rome's
 * date parser does: the episode gets no date, and the warning keeps the text as written.
 */
final class LenientDates {

	/**
	 * The date, or null; what the operator should know, or null; and whether the text
	 * names a date that does not exist (then no other reading of it may be used).
	 */
	record Result(Instant instant, String warning, boolean impossible) {

		Result(Instant instant, String warning) {
			this(instant, warning, false);
		}

	}

	/** A field of a date outside its range, with how to say so. */
	private static final class Impossible extends RuntimeException {

		Impossible(String what) {
			super(what, null, false, false);
		}

	}

	private static final String MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";

	private static final String TIME = "(?:[ t]+(\\d{1,3})[:.](\\d{2,3})(?:[:.](\\d{2,3}))?(?:[.,]\\d+)?\\s*(am|pm)?)?";

	private static final String ZONE = "(?:\\s*([a-z]{1,5}(?:[+-]\\d{1,2}(?::?\\d{2})?)?|[+-]\\d{1,4}|[+-]\\d{1,2}:\\d{2}))?";

	private static final Pattern DAY_FIRST = Pattern
		.compile("(\\d{1,3})(?:st|nd|rd|th)?[ \\-/]+" + MONTH + "[ \\-/]+(\\d{2,4})" + TIME + ZONE);

	private static final Pattern MONTH_FIRST = Pattern
		.compile(MONTH + " +(\\d{1,3})(?:st|nd|rd|th)? +(\\d{2,4})" + TIME + ZONE);

	private static final Pattern NUMERIC = Pattern.compile("(\\d{4})[-/.](\\d{1,3})[-/.](\\d{1,3})" + TIME + ZONE);

	private static final Pattern WEEKDAY = Pattern.compile("^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s*");

	private static final Map<String, Integer> ZONES = Map.ofEntries(Map.entry("z", 0), Map.entry("ut", 0),
			Map.entry("utc", 0), Map.entry("gmt", 0), Map.entry("est", -300), Map.entry("edt", -240),
			Map.entry("cst", -360), Map.entry("cdt", -300), Map.entry("mst", -420), Map.entry("mdt", -360),
			Map.entry("pst", -480), Map.entry("pdt", -420), Map.entry("bst", 60), Map.entry("cet", 60),
			Map.entry("cest", 120), Map.entry("eet", 120), Map.entry("eest", 180), Map.entry("wet", 0),
			Map.entry("west", 60), Map.entry("aest", 600), Map.entry("aedt", 660), Map.entry("jst", 540),
			Map.entry("hst", -600), Map.entry("akst", -540), Map.entry("akdt", -480));

	private LenientDates() {
	}

	static Result parse(String raw) {
		if (raw == null || raw.isBlank()) {
			return new Result(null, null);
		}
		var text = raw.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		text = WEEKDAY.matcher(text).replaceFirst("").replace(",", " ").replaceAll("\\s+", " ").strip();
		var guesses = new StringBuilder();
		Matcher m;
		try {
			if ((m = DAY_FIRST.matcher(text)).matches()) {
				return result(raw, date(year(m.group(3), guesses), month(m.group(2)), m.group(1)), m, 4, guesses);
			}
			if ((m = MONTH_FIRST.matcher(text)).matches()) {
				return result(raw, date(year(m.group(3), guesses), month(m.group(1)), m.group(2)), m, 4, guesses);
			}
			if ((m = NUMERIC.matcher(text)).matches()) {
				int month = Integer.parseInt(m.group(2));
				if (month < 1 || month > 12) {
					throw new Impossible("month " + month);
				}
				return result(raw, date(Integer.parseInt(m.group(1)), month, m.group(3)), m, 4, guesses);
			}
		}
		catch (Impossible ex) {
			return new Result(null, "The publication date '" + raw.strip() + "' does not exist (" + ex.getMessage()
					+ "); it is kept as written and the episode has no date", true);
		}
		catch (DateTimeException | NumberFormatException ex) {
			// not a date at all: unreadable, below
		}
		return new Result(null,
				"The publication date '" + raw.strip() + "' could not be read; the episode has no date");
	}

	private static LocalDate date(int year, int month, String day) {
		int number = Integer.parseInt(day);
		var first = LocalDate.of(year, month, 1);
		if (number < 1 || number > first.lengthOfMonth()) {
			throw new Impossible("day " + number + " of "
					+ first.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + " " + year);
		}
		return first.withDayOfMonth(number);
	}

	private static Result result(String raw, LocalDate date, Matcher m, int timeGroup, StringBuilder guesses) {
		var time = LocalTime.MIDNIGHT;
		if (m.group(timeGroup) != null) {
			int hour = Integer.parseInt(m.group(timeGroup));
			int minute = Integer.parseInt(m.group(timeGroup + 1));
			int second = (m.group(timeGroup + 2) != null) ? Integer.parseInt(m.group(timeGroup + 2)) : 0;
			var ampm = m.group(timeGroup + 3);
			if (hour > ((ampm != null) ? 12 : 23) || (ampm != null && hour == 0)) {
				throw new Impossible("hour " + hour + ((ampm != null) ? " " + ampm.toUpperCase(Locale.ROOT) : ""));
			}
			if (minute > 59) {
				throw new Impossible("minute " + minute);
			}
			// 60 is a leap second, which java.time cannot hold: the second before it
			if (second > 60) {
				throw new Impossible("second " + second);
			}
			if ("pm".equals(ampm) && hour < 12) {
				hour += 12;
			}
			else if ("am".equals(ampm) && hour == 12) {
				hour = 0;
			}
			time = LocalTime.of(hour, minute, Math.min(second, 59));
		}
		else {
			guesses.append("no time of day, midnight assumed; ");
		}
		var offset = offset(m.group(timeGroup + 4), guesses);
		var instant = LocalDateTime.of(date, time).toInstant(offset);
		var warning = guesses.isEmpty() ? null : "The publication date '" + raw.strip() + "' was read as " + instant
				+ " (" + guesses.substring(0, guesses.length() - 2) + ")";
		return new Result(instant, warning);
	}

	private static int year(String text, StringBuilder guesses) {
		int year = Integer.parseInt(text);
		if (text.length() == 2) {
			guesses.append("two-digit year; ");
			return (year < 70) ? 2000 + year : 1900 + year;
		}
		return year;
	}

	private static int month(String text) {
		return switch (text.substring(0, 3)) {
			case "jan" -> 1;
			case "feb" -> 2;
			case "mar" -> 3;
			case "apr" -> 4;
			case "may" -> 5;
			case "jun" -> 6;
			case "jul" -> 7;
			case "aug" -> 8;
			case "sep" -> 9;
			case "oct" -> 10;
			case "nov" -> 11;
			default -> 12;
		};
	}

	private static ZoneOffset offset(String zone, StringBuilder guesses) {
		if (zone == null || zone.isBlank()) {
			guesses.append("no time zone, UTC assumed; ");
			return ZoneOffset.UTC;
		}
		var text = zone.strip();
		var named = text.replaceAll("[+-].*$", "");
		int minutes = 0;
		if (!named.isEmpty()) {
			var known = ZONES.get(named);
			if (known == null) {
				guesses.append("unknown time zone '").append(named.toUpperCase(Locale.ROOT)).append("', UTC assumed; ");
				return ZoneOffset.UTC;
			}
			minutes = known;
			text = text.substring(named.length());
			if (text.isEmpty()) {
				return ZoneOffset.ofTotalSeconds(minutes * 60);
			}
		}
		int sign = text.startsWith("-") ? -1 : 1;
		var digits = text.substring(1).replace(":", "");
		int hours;
		int mins;
		if (digits.length() <= 2) {
			hours = Integer.parseInt(digits);
			mins = 0;
		}
		else {
			hours = Integer.parseInt(digits.substring(0, digits.length() - 2));
			mins = Integer.parseInt(digits.substring(digits.length() - 2));
		}
		if (hours > 14 || mins > 59 || hours * 60 + mins > 14 * 60) {
			throw new Impossible("no place is " + text + " from UTC");
		}
		return ZoneOffset.ofTotalSeconds(minutes * 60 + sign * (hours * 3600 + mins * 60));
	}

}
