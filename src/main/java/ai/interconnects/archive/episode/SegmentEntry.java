package ai.interconnects.archive.episode;

/**
 * A stored transcript paragraph; {@code startSeconds} is null for a continuation
 * paragraph, which has no timestamp of its own in the source.
 */
public record SegmentEntry(int position, Integer startSeconds, String speaker, String text) {
}
