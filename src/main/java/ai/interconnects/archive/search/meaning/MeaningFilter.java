package ai.interconnects.archive.search.meaning;

import java.time.Instant;
import java.util.Set;

/**
 * What a search by meaning may return: the search page's filters. Episodes published in
 * [{@code from}, {@code to}) (either bound may be null); with a speaker, only that
 * speaker's transcript paragraphs (names compared ignoring case), as in keyword search;
 * with {@code episodes} (the episodes of the shows a {@code show=} filter names), only
 * those episodes (null: every episode).
 */
public record MeaningFilter(Instant from, Instant to, String speaker, Set<Long> episodes) {

	public static final MeaningFilter NONE = new MeaningFilter(null, null, null);

	public MeaningFilter(Instant from, Instant to, String speaker) {
		this(from, to, speaker, null);
	}

	public MeaningFilter {
		episodes = (episodes != null) ? Set.copyOf(episodes) : null;
	}

	boolean admits(VectorBlock block) {
		if (this.episodes != null && !this.episodes.contains(block.episodeId)) {
			return false;
		}
		if (this.from != null
				&& (block.publishedAt == Long.MIN_VALUE || block.publishedAt < this.from.getEpochSecond())) {
			return false;
		}
		return this.to == null || (block.publishedAt != Long.MIN_VALUE && block.publishedAt < this.to.getEpochSecond());
	}

	/** The speaker's number in the index ({@link SpeakerIds}), found once per search. */
	int speakerId() {
		return SpeakerIds.find(this.speaker);
	}

	static boolean admits(VectorBlock block, int i, int speakerId) {
		return speakerId == SpeakerIds.ANY || (block.kinds[i] == MomentKind.SEGMENT && block.speakers[i] == speakerId);
	}

}
