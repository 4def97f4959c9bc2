package ai.interconnects.archive.episode;

import java.util.List;

import ai.interconnects.archive.web.WebUrl;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Another file of an episode's media ({@code podcast:alternateEnclosure}), as stored: its
 * attributes as the feed gave them ({@code bitrate} in bits per second) and its sources
 * in feed order, each URI of a media scheme checked while parsing. Written as it is in
 * the export, where {@code isDefault} is the spec's {@code default}.
 */
public record AlternateEntry(String type, Long length, Long bitrate, Integer height, String lang, String title,
		String rel, String codecs, @JsonProperty("default") boolean isDefault, List<Source> sources) {

	public AlternateEntry {
		sources = List.copyOf(sources);
	}

	/** The first source a browser can fetch (http or https), or null. */
	public String webSource() {
		return this.sources.stream()
			.map((source) -> WebUrl.orNull(source.uri()))
			.filter((uri) -> uri != null)
			.findFirst()
			.orElse(null);
	}

	/** A {@code podcast:source}: a URI and the MIME type of what it names, if given. */
	public record Source(String uri, String contentType) {
	}

}
