package ai.interconnects.archive.episode.web;

import java.time.Instant;

import ai.interconnects.archive.episode.Placement;
import ai.interconnects.archive.web.Formats;

/**
 * The numbering, date and length of an episode as the pages print them, for any view that
 * has the date and length (and the numbers, when it knows them).
 */
public interface EpisodeTiming {

	Instant publishedAt();

	Integer durationSeconds();

	default Integer season() {
		return null;
	}

	default Integer episodeNumber() {
		return null;
	}

	/** "S2 · E14" from {@code itunes:season} and {@code itunes:episode}, or null. */
	default String numbering() {
		return Placement.label(season(), episodeNumber());
	}

	/** The same, as a screen reader should say it: "Season 2, episode 14". */
	default String spokenNumbering() {
		return Placement.spoken(season(), episodeNumber());
	}

	default String date() {
		return Formats.date(publishedAt());
	}

	default String isoDate() {
		return Formats.isoDate(publishedAt());
	}

	default String duration() {
		return Formats.duration(durationSeconds());
	}

	default String isoDuration() {
		return Formats.isoDuration(durationSeconds());
	}

}
