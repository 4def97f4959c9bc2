package ai.interconnects.archive.episode;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Who speaks in the archive and whom it names, as {@link EpisodeCatalog} reads them: a
 * turn is a paragraph that names its speaker (continuations name none).
 */
public final class Voices {

	private Voices() {
	}

	public record SpeakerRow(String name, long episodes, long turns) {
	}

	/** An episode a speaker speaks in: their turns there and where the first one is. */
	public record EpisodeRow(long episodeId, String slug, String title, OffsetDateTime publishedAt, long turns,
			int firstPosition, Integer firstStart) {
	}

	/** One of a speaker's longer turns, a candidate quote. */
	public record TurnRow(long episodeId, String slug, String title, OffsetDateTime publishedAt, int position,
			Integer startSeconds, String text) {
	}

	/**
	 * A person the feed names ({@code podcast:person}), one per name ignoring case: the
	 * spelling and link of their newest episode, their roles, the episodes naming them
	 * and how many of those have no paragraph of theirs (to add to a speaker's count).
	 */
	public record PersonRow(String name, String roles, String href, long episodes, long silentEpisodes) {
	}

	/** An episode that names {@code person}, with the role it gives them. */
	public record CreditRow(long episodeId, String slug, String title, OffsetDateTime publishedAt, String role) {
	}

	/**
	 * A speaker named in the transcripts: in how many episodes, how many turns (runs of
	 * consecutive paragraphs by them) and paragraphs, first and last heard.
	 */
	public record SpeakerStats(String name, long episodes, long turns, long segments, Instant firstHeard,
			Instant lastHeard) {
	}

}
