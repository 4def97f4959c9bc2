package ai.interconnects.archive.episode;

import java.time.Instant;

/** An episode page's facts: where it is, when it changed, what it holds, its show. */
public record PageFacts(String slug, Instant updatedAt, boolean hasTranscript, int chapterCount, long podcastId) {
}
