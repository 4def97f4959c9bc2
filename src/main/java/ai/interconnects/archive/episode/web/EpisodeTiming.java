package ai.interconnects.archive.episode.web;

import java.time.Instant;

import ai.interconnects.archive.web.Formats;

/**
 * The date and length of an episode as the pages print them, for any view that has both.
 */
public interface EpisodeTiming {

	Instant publishedAt();

	Integer durationSeconds();

	default String date() {
		return Formats.date(publishedAt());
	}

	/** "27 Jan", for lists already grouped by year. */
	default String shortDate() {
		return Formats.shortDate(publishedAt());
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
