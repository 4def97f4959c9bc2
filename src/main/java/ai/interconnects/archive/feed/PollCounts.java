package ai.interconnects.archive.feed;

/**
 * Item counts of one poll: every item of the file is counted once, as new, updated,
 * unchanged, failed or skipped, so the counts add up to {@code seen}.
 */
public record PollCounts(int seen, int created, int updated, int unchanged, int failed, int skipped) {

	static final PollCounts NONE = new PollCounts(0, 0, 0, 0, 0, 0);

	public PollCounts(int seen, int created, int updated, int unchanged, int failed) {
		this(seen, created, updated, unchanged, failed, 0);
	}

}
