package ai.interconnects.archive.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How dates and durations are shown on the pages: the one place for each rule, used by
 * the reading pages and search results alike.
 */
public final class Formats {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private Formats() {
	}

	public static String date(Instant instant) {
		return (instant != null) ? DATE.format(instant) : null;
	}

	/** A calendar date as {@link #date(Instant)} prints it. */
	public static String date(LocalDate date) {
		return (date != null) ? DATE.format(date) : null;
	}

	public static String isoDate(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC).toLocalDate().toString() : null;
	}

	/** {@code 2111} as "35 min", {@code 3725} as "1 h 2 min". */
	public static String duration(Integer seconds) {
		if (seconds == null || seconds <= 0) {
			return null;
		}
		int minutes = Math.round(seconds / 60f);
		if (minutes < 1) {
			return seconds + " s";
		}
		return (minutes >= 60) ? (minutes / 60) + " h " + (minutes % 60) + " min" : minutes + " min";
	}

	/** ISO 8601 duration for {@code <time datetime>}. */
	public static String isoDuration(Integer seconds) {
		return (seconds != null) ? java.time.Duration.ofSeconds(seconds).toString() : null;
	}

}
