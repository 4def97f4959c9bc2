package ai.interconnects.archive.poll;

import ai.interconnects.archive.episode.IngestReport;
import ai.interconnects.archive.feed.client.ParsedFeed;

/**
 * Item counts of one poll: every item of the file is counted once, as new, updated,
 * unchanged, failed or skipped, so the counts add up to {@code seen}.
 */
public record PollCounts(int seen, int created, int updated, int unchanged, int failed, int skipped) {

	static final PollCounts NONE = new PollCounts(0, 0, 0, 0, 0, 0);

	public PollCounts(int seen, int created, int updated, int unchanged, int failed) {
		this(seen, created, updated, unchanged, failed, 0);
	}

	/** Items that could not even be read count as seen and failed. */
	static PollCounts of(ParsedFeed parsed, IngestReport ingested) {
		int unreadable = parsed.itemErrors().size();
		return new PollCounts(ingested.seen() + unreadable, ingested.created(), ingested.updated(),
				ingested.unchanged(), ingested.failures().size() + unreadable, ingested.skipped().size());
	}

}
