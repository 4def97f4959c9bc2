package ai.interconnects.archive.episode.web;

/**
 * A transcript page is paragraphs with chapter headings between them: exactly one of
 * {@code chapter} and {@code segment} is set. {@code restatesSpeaker} marks a
 * continuation paragraph right after a heading: a chapter may start inside a turn, and
 * the reader should still see who is talking.
 */
public record TranscriptEntry(ChapterView chapter, SegmentView segment, boolean restatesSpeaker) {

	static TranscriptEntry heading(ChapterView chapter) {
		return new TranscriptEntry(chapter, null, false);
	}

	static TranscriptEntry paragraph(SegmentView segment, boolean afterHeading) {
		return new TranscriptEntry(null, segment, afterHeading && !segment.timed());
	}

}
