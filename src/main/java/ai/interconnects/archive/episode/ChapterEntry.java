package ai.interconnects.archive.episode;

/**
 * A stored chapter: its place in the episode's list (from 0), its start, and its end only
 * where the source gave one.
 */
public record ChapterEntry(int position, int startSeconds, Integer endSeconds, String title) {
}
