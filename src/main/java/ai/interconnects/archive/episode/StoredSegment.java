package ai.interconnects.archive.episode;

/**
 * A transcript paragraph as stored, all of it: the export writes it and the import
 * restores it (the fields of {@link SegmentEntry} first, then its end where known).
 */
public record StoredSegment(int position, Integer startSeconds, String speaker, String text, Integer endSeconds) {
}
