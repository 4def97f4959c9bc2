package ai.interconnects.archive.search;

/**
 * A transcript segment that matches an in-transcript search.
 *
 * @param position the segment's position in the transcript (anchor {@code #p-…})
 * @param startSeconds its own start time, or null for an untimed continuation
 * @param html the whole segment text, HTML-escaped, with every matching word in
 * {@code <mark>}
 */
public record SegmentMatch(int position, Integer startSeconds, String html) {
}
