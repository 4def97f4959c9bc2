package ai.interconnects.archive.feed;

import ai.interconnects.archive.episode.IngestReport;
import ai.interconnects.archive.feed.client.ParsedFeed;

/** Item counts of one poll. */
public record PollCounts(int seen, int created, int updated, int unchanged, int failed) {

	static final PollCounts NONE = new PollCounts(0, 0, 0, 0, 0);

	/** Items that could not even be read count as seen and failed. */
	static PollCounts of(ParsedFeed parsed, IngestReport ingested) {
		int unreadable = parsed.itemErrors().size();
		return new PollCounts(ingested.seen() + unreadable, ingested.created(), ingested.updated(),
				ingested.unchanged(), ingested.failures().size() + unreadable);
	}

}
