package ai.interconnects.archive.episode.web;

/**
 * A transcript page is paragraphs with chapter headings between them: exactly one is set.
 */
public record TranscriptEntry(ChapterView chapter, SegmentView segment) {

	static TranscriptEntry heading(ChapterView chapter) {
		return new TranscriptEntry(chapter, null);
	}

	static TranscriptEntry paragraph(SegmentView segment) {
		return new TranscriptEntry(null, segment);
	}

}
