package ai.interconnects.archive.episode;

import java.time.Instant;

/** An episode whose description did not parse cleanly, with what was noted reading it. */
public record ParseProblem(long id, String slug, String title, Instant publishedAt, String warnings) {
}
