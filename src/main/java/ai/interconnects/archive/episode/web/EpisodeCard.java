package ai.interconnects.archive.episode.web;

import java.time.Instant;

import ai.interconnects.archive.search.Guests;

/**
 * One episode in the archive list. {@code guests} is who it is with, {@code kind}
 * "Interview" (it has guests) or "Essay" (an audio essay), or null. Public because JPQL
 * builds it with a constructor expression (without the last two, added after).
 */
public record EpisodeCard(long id, String slug, String title, Instant publishedAt, Integer durationSeconds,
		String summary, Integer season, Integer episodeNumber, long chapterCount, long segmentCount, Guests guests,
		String kind) implements EpisodeTiming {

	public EpisodeCard(long id, String slug, String title, Instant publishedAt, Integer durationSeconds, String summary,
			Integer season, Integer episodeNumber, long chapterCount, long segmentCount) {
		this(id, slug, title, publishedAt, durationSeconds, summary, season, episodeNumber, chapterCount, segmentCount,
				Guests.NONE, null);
	}

	public boolean hasTranscript() {
		return this.segmentCount > 0;
	}

	EpisodeCard with(Guests guests, boolean essay) {
		var kind = essay ? "Essay" : (!guests.isEmpty() ? "Interview" : null);
		return new EpisodeCard(this.id, this.slug, this.title, this.publishedAt, this.durationSeconds, this.summary,
				this.season, this.episodeNumber, this.chapterCount, this.segmentCount, guests, kind);
	}

}
