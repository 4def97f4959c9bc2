package ai.interconnects.archive.search.meaning;

import java.time.Instant;

/**
 * What a search by meaning may return: the search page's filters. Episodes published in
 * [{@code from}, {@code to}) (either bound may be null); with a speaker, only that
 * speaker's transcript paragraphs (names compared ignoring case), as in keyword search.
 */
public record MeaningFilter(Instant from, Instant to, String speaker) {

	public static final MeaningFilter NONE = new MeaningFilter(null, null, null);

	boolean admits(VectorBlock block) {
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
