package ai.interconnects.archive.episode.web;

import java.time.Instant;

import ai.interconnects.archive.episode.Episode;
import ai.interconnects.archive.web.EpisodePaths;
import ai.interconnects.archive.web.WebUrl;

/**
 * What the pages show of an episode. {@code audioUrl}, {@code link} and {@code imageUrl}
 * are null unless they are http(s) URLs; {@code showNotesHtml} was sanitized at ingest.
 */
public record EpisodeView(String slug, String title, Instant publishedAt, Integer durationSeconds, String audioUrl,
		String audioType, String link, String imageUrl, String showNotesHtml, String summary,
		TranscriptOrigin transcriptOrigin, Integer season, Integer episodeNumber) implements EpisodeTiming {

	static EpisodeView of(Episode episode) {
		return new EpisodeView(episode.getSlug(), episode.getTitle(), episode.getPublishedAt(),
				episode.getDurationSeconds(), WebUrl.orNull(episode.getAudio().url()), episode.getAudio().type(),
				WebUrl.orNull(episode.getLink()), WebUrl.orNull(episode.getImageUrl()), episode.getShowNotesHtml(),
				episode.getSummary(), TranscriptOrigin.of(episode), episode.getPlacement().season(),
				episode.getPlacement().number());
	}

	public String path() {
		return EpisodePaths.page(this.slug);
	}

}
