package ai.interconnects.archive.episode.web;

import java.time.Instant;

/**
 * One episode in the archive list. Public because JPQL builds it with a constructor
 * expression.
 */
public record EpisodeCard(String slug, String title, Instant publishedAt, Integer durationSeconds, String summary,
		Integer season, Integer episodeNumber, long chapterCount, long segmentCount) implements EpisodeTiming {

	public boolean hasTranscript() {
		return this.segmentCount > 0;
	}

}
