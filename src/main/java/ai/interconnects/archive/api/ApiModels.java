package ai.interconnects.archive.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON API's documents. Field names are part of the API (README "JSON API" and
 * {@code /api/v1/openapi.json}): add fields, never rename or remove them within v1.
 * Absent values are {@code null}, never omitted, so every field is always there. Times
 * are ISO 8601 instants in UTC; durations and offsets are whole seconds.
 */
final class ApiModels {

	private ApiModels() {
	}

	/** The enclosure. */
	record Audio(String url, String type, Long length) {
	}

	/** Where the episode can be read or downloaded, as absolute URLs. */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Links(String page, String api, String transcript, String vtt, String srt, String json, String text,
			String chapters) {
	}

	/**
	 * An episode in a list; {@code season} and {@code episode} are the feed's
	 * {@code itunes:season} and {@code itunes:episode}, or null.
	 */
	record EpisodeSummary(String slug, String guid, String title, Instant publishedAt, Instant updatedAt,
			Integer durationSeconds, String summary, String imageUrl, String link, Audio audio, int chapterCount,
			int segmentCount, Links links, Integer season, Integer episode, ShowRef show) {
	}

	/** The show an episode belongs to. */
	record ShowRef(String slug, String title) {
	}

	/**
	 * One page of episodes, newest first; {@code next} is the next page's URL or null.
	 */
	record EpisodePage(List<EpisodeSummary> episodes, int page, int pageSize, long totalEpisodes, int totalPages,
			Instant since, String next) {
	}

	/**
	 * A chapter: {@code number} from 1, {@code url} its page; {@code endSeconds} only
	 * where the source gave an end (else null: the chapter runs to the next one's start).
	 */
	record Chapter(int number, int startSeconds, Integer endSeconds, String title, String url) {
	}

	/**
	 * A transcript paragraph; {@code startSeconds} is null for a continuation paragraph,
	 * which has no timestamp of its own in the source.
	 */
	record Segment(int position, Integer startSeconds, String speaker, String text) {
	}

	/**
	 * A person the feed names for the episode ({@code podcast:person}): {@code role} and
	 * {@code group} lower-case ({@code host} and {@code cast} unless the feed says
	 * otherwise), {@code img} and {@code href} http(s) URLs or null.
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Person(String name, String role, String group, String img, String href) {
	}

	/**
	 * An episode with its show notes, chapters, transcript, the people it names, its
	 * numbers and the other files of its media.
	 */
	record EpisodeDetail(String slug, String guid, String title, Instant publishedAt, Instant updatedAt,
			Integer durationSeconds, String summary, String showNotesHtml, String imageUrl, String link,
			String episodeType, Audio audio, Links links, List<Chapter> chapters, List<Segment> segments,
			List<Person> persons, Integer season, Integer episode, List<AlternateEnclosure> alternateEnclosures,
			ShowRef show) {
	}

	/**
	 * Another file of the episode's media ({@code podcast:alternateEnclosure}), as the
	 * feed gives it: {@code bitrate} in bits per second, {@code default} whether the feed
	 * marks it as the preferred one, {@code sources} its URIs in feed order (http(s),
	 * IPFS, magnet or Arweave) with their MIME type when given.
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record AlternateEnclosure(String type, Long length, Long bitrate, Integer height, String lang, String title,
			String rel, String codecs, @JsonProperty("default") boolean isDefault, List<Source> sources) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Source(String uri, String contentType) {
	}

	/**
	 * A speaker named in the transcripts: in how many episodes, how many turns (runs of
	 * consecutive paragraphs by them) and paragraphs.
	 */
	record Speaker(String name, long episodes, long turns, long segments, Instant firstHeard, Instant lastHeard) {
	}

	record Speakers(List<Speaker> speakers) {
	}

}
