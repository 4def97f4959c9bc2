package ai.interconnects.archive.transcript;

import java.util.List;

/**
 * What a feed item carries beside its text and audio: the publisher's transcript files
 * (best format first), its chapters file, chapters written inline (Podlove), and what had
 * to be guessed or could not be read while parsing it (for the operator).
 */
public record ItemExtras(List<FileLink> transcripts, FileLink chapters, List<ParsedDescription.Chapter> inlineChapters,
		List<String> warnings) {

	public static final ItemExtras NONE = new ItemExtras(List.of(), null, List.of(), List.of());

	public ItemExtras {
		transcripts = List.copyOf(transcripts);
		inlineChapters = List.copyOf(inlineChapters);
		warnings = List.copyOf(warnings);
	}

	/** Whether the item has anything that is stored apart from its own fields. */
	public boolean hasFiles() {
		return !this.transcripts.isEmpty() || this.chapters != null || !this.inlineChapters.isEmpty();
	}

	/** A linked file: its URL and the MIME type the feed gave (may be null). */
	public record FileLink(String url, String type) {
	}

}
