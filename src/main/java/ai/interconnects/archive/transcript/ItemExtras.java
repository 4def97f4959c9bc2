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

	/**
	 * A stable text of everything here, for the item's content hash; empty when there is
	 * nothing, so that items of feeds without extras keep the hash they always had.
	 */
	public String fingerprint() {
		if (!hasFiles() && this.warnings.isEmpty()) {
			return "";
		}
		var text = new StringBuilder();
		for (var link : this.transcripts) {
			text.append("t:").append(link.url()).append(' ').append(link.type()).append('\n');
		}
		if (this.chapters != null) {
			text.append("c:").append(this.chapters.url()).append(' ').append(this.chapters.type()).append('\n');
		}
		for (var chapter : this.inlineChapters) {
			text.append("i:").append(chapter).append('\n');
		}
		for (var warning : this.warnings) {
			text.append("w:").append(warning).append('\n');
		}
		return text.toString();
	}

	/** A linked file: its URL and the MIME type the feed gave (may be null). */
	public record FileLink(String url, String type) {
	}

}
