package ai.interconnects.archive.web;

import java.time.Instant;

/**
 * One episode in the archive list. Public because JPQL builds it with a constructor
 * expression.
 */
public record EpisodeCard(String slug, String title, Instant publishedAt, Integer durationSeconds, String summary,
		long chapterCount, long segmentCount) {

	public boolean hasTranscript() {
		return this.segmentCount > 0;
	}

	public String date() {
		return Formats.date(this.publishedAt);
	}

	public String isoDate() {
		return Formats.isoDate(this.publishedAt);
	}

	public String duration() {
		return Formats.duration(this.durationSeconds);
	}

	public String isoDuration() {
		return Formats.isoDuration(this.durationSeconds);
	}

}
