package ai.interconnects.archive.episode;

import java.time.Instant;
import java.util.List;

/**
 * An episode as a backup carries it (one line of the export), for
 * {@link ImportedEpisodes}: identity, metadata, timestamps, content and where the content
 * came from.
 */
public record ImportedEpisode(String guid, String slug, String title, Instant publishedAt, Integer durationSeconds,
		String audioUrl, String audioType, Long audioLength, String link, String imageUrl, String episodeType,
		Integer season, Integer number, String rawDescription, String showNotesHtml, String summary, String contentHash,
		Instant firstSeenAt, Instant lastSeenAt, Instant updatedAt, String transcriptSource, String transcriptUrl,
		String transcriptType, String chaptersSource, String chaptersUrl, String parseWarnings,
		List<StoredChapter> chapters, List<StoredSegment> segments, List<PersonEntry> persons,
		List<AlternateEntry> alternates) {

	public ImportedEpisode {
		chapters = (chapters != null) ? List.copyOf(chapters) : List.of();
		segments = (segments != null) ? List.copyOf(segments) : List.of();
		persons = (persons != null) ? List.copyOf(persons) : List.of();
		alternates = (alternates != null) ? List.copyOf(alternates) : List.of();
	}

}
