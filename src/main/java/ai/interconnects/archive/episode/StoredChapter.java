package ai.interconnects.archive.episode;

/**
 * A chapter as stored, all of it: the export writes it and the import restores it (the
 * fields of {@link ChapterEntry} first, so a line reads as it did before).
 */
public record StoredChapter(int position, int startSeconds, Integer endSeconds, String title, String url,
		String imageUrl) {
}
