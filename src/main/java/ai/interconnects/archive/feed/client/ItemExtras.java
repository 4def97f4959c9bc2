package ai.interconnects.archive.feed.client;

import java.util.List;

/**
 * What a feed item carries beside its text and audio, as the XML says it: the publisher's
 * transcript files (in feed order; which one is best is the reader's choice), its
 * chapters file, chapters written inline (Podlove, raw attributes), the people it names,
 * its season and episode numbers ({@code itunes:season}, {@code itunes:episode}), the
 * other files of its media ({@code podcast:alternateEnclosure}), and what had to be
 * guessed or could not be read while parsing it (for the operator).
 */
public record ItemExtras(List<FileLink> transcripts, FileLink chapters, List<InlineChapter> inlineChapters,
		List<String> warnings, List<Person> persons, Integer season, Integer episode,
		List<AlternateEnclosure> alternateEnclosures) {

	public static final ItemExtras NONE = new ItemExtras(List.of(), null, List.of(), List.of(), List.of());

	public ItemExtras {
		transcripts = List.copyOf(transcripts);
		inlineChapters = List.copyOf(inlineChapters);
		warnings = List.copyOf(warnings);
		persons = (persons != null) ? List.copyOf(persons) : List.of();
		alternateEnclosures = (alternateEnclosures != null) ? List.copyOf(alternateEnclosures) : List.of();
	}

	public ItemExtras(List<FileLink> transcripts, FileLink chapters, List<InlineChapter> inlineChapters,
			List<String> warnings, List<Person> persons) {
		this(transcripts, chapters, inlineChapters, warnings, persons, null, null, List.of());
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
		if (!hasFiles() && this.warnings.isEmpty() && this.persons.isEmpty() && this.season == null
				&& this.episode == null && this.alternateEnclosures.isEmpty()) {
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
		// only items with numbers or alternate files add these: other items keep their
		// hash
		if (this.season != null || this.episode != null) {
			text.append("n:").append(this.season).append(' ').append(this.episode).append('\n');
		}
		for (var alternate : this.alternateEnclosures) {
			text.append("a:").append(alternate).append('\n');
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

	/**
	 * A Podcasting 2.0 {@code <podcast:alternateEnclosure>}: another file of the item's
	 * media (another format, bitrate, language, a video), with its sources in feed order.
	 * Attributes are as given, trimmed and bounded; {@code bitrate} in bits per second;
	 * the sources are absolute URIs of the schemes media are served from (http(s), IPFS,
	 * magnet, Arweave), never a script or data URI.
	 */
	public record AlternateEnclosure(String type, Long length, Long bitrate, Integer height, String lang, String title,
			String rel, String codecs, boolean isDefault, List<Source> sources) {

		public AlternateEnclosure {
			sources = List.copyOf(sources);
		}

	}

	/**
	 * A {@code <podcast:source>}: a URI, and the MIME type of what it names when given.
	 */
	public record Source(String uri, String contentType) {
	}

	/** A linked file: its URL and the MIME type the feed gave (may be null). */
	public record FileLink(String url, String type) {
	}

}
