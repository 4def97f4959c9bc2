package ai.interconnects.archive.episode.web;

import java.time.Instant;

/** A chapter with its episode, for the list of every chapter. Public for JPQL. */
public record ChapterRow(long episodeId, String slug, String episodeTitle, Instant publishedAt, Integer durationSeconds,
		int position, int startSeconds, Integer endSeconds, String title) {
}
