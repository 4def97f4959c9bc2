package ai.interconnects.archive.feed;

/** Item counts of one poll. */
public record PollCounts(int seen, int created, int updated, int unchanged, int failed) {

	static final PollCounts NONE = new PollCounts(0, 0, 0, 0, 0);

}
