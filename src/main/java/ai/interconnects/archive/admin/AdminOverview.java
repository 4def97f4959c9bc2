package ai.interconnects.archive.admin;

import java.time.Instant;
import java.util.List;

import ai.interconnects.archive.feed.LockHeartbeat;
import ai.interconnects.archive.feed.PollRecord;

/**
 * Everything the admin page shows, read in one transaction.
 *
 * @param feed the feed's polling state; null before the first poll created it
 * @param configuredUrl the feed URL from the configuration
 * @param runs one page of the poll history, newest first
 * @param page the page number, from 0
 * @param hasOlder whether there are older runs than this page
 * @param counts what the archive holds
 * @param parseProblems episodes whose description did not parse cleanly
 * @param parseProblemCount all such episodes (the list may be cut)
 * @param pollRunning whether this instance is polling right now
 * @param pollLock the cluster-wide poll lock when it is held (by a live instance or left
 * by a dead one), else null
 */
public record AdminOverview(FeedState feed, String configuredUrl, List<PollRecord> runs, int page, boolean hasOlder,
		Counts counts, List<ParseProblem> parseProblems, long parseProblemCount, boolean pollRunning,
		LockHeartbeat.HeldLock pollLock) {

	public record FeedState(String configuredUrl, String feedUrl, String title, String status, String etag,
			String lastModified, Instant lastAttemptAt, Instant lastSuccessAt, Instant nextPollAt,
			int consecutiveFailures, String redirectCandidateUrl, int redirectSeenCount) {

		public boolean gone() {
			return "GONE".equals(this.status);
		}

	}

	public record Counts(long episodes, long chapters, long segments, long episodesWithTranscript) {
	}

	public record ParseProblem(long id, String slug, String title, Instant publishedAt, String warnings) {
	}

}
