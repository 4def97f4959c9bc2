package ai.interconnects.archive.feed.client;

import java.util.List;

/**
 * What a feed item carries beside its text and audio, as the XML says it: the publisher's
 * transcript files (in feed order; which one is best is the reader's choice), its
 * chapters file, chapters written inline (Podlove, raw attributes), and what had to be
 * guessed or could not be read while parsing it (for the operator).
 */
public record ItemExtras(List<FileLink> transcripts, FileLink chapters, List<InlineChapter> inlineChapters,
		List<String> warnings, List<Person> persons) {

	public static final ItemExtras NONE = new ItemExtras(List.of(), null, List.of(), List.of(), List.of());

	public ItemExtras {
		transcripts = List.copyOf(transcripts);
		inlineChapters = List.copyOf(inlineChapters);
		warnings = List.copyOf(warnings);
		persons = (persons != null) ? List.copyOf(persons) : List.of();
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
		if (!hasFiles() && this.warnings.isEmpty() && this.persons.isEmpty()) {
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
		// only items that name persons add this: other items keep the hash they had
		for (var person : this.persons) {
			// the fields named, so that a new field does not change every hash
			text.append("p:")
				.append(person.name())
				.append(' ')
				.append(person.role())
				.append(' ')
				.append(person.group())
				.append(' ')
				.append(person.img())
				.append(' ')
				.append(person.href())
				.append('\n');
		}
		return text.toString();
	}

	/**
	 * A Podlove Simple Chapter as written: {@code start} is a time code such as
	 * {@code 00:01:02.500}; {@code href} and {@code image} are http(s) URLs or null.
	 */
	public record InlineChapter(String start, String title, String href, String image) {
	}

	/**
	 * A Podcasting 2.0 {@code <podcast:person>}: a trimmed name, a lower-case role and
	 * group ({@code host} and {@code cast} when the feed gives none), and http(s) URLs or
	 * null for the picture and the person's page.
	 */
	public record Person(String name, String role, String group, String img, String href) {
	}

	/** A linked file: its URL and the MIME type the feed gave (may be null). */
	public record FileLink(String url, String type) {
	}

}
