package ai.interconnects.archive.episode;

import java.time.Instant;

/**
 * An episode as every reader outside this package sees it: the columns the API, the
 * feeds, the sitemap and the files share, and how many chapters and transcript paragraphs
 * it has, and where the show numbers it ({@code itunes:season}, {@code itunes:episode},
 * or null).
 */
public record EpisodeSummary(long id, long podcastId, String slug, String guid, String title, Instant publishedAt,
		Instant updatedAt, Integer durationSeconds, String summary, String imageUrl, String link, String audioUrl,
		String audioType, Long audioLength, String episodeType, String showNotesHtml, int chapterCount,
		int segmentCount, Integer season, Integer episodeNumber) {

	public boolean hasTranscript() {
		return this.segmentCount > 0;
	}

}
