package ai.interconnects.archive.admin;

import java.util.List;

import ai.interconnects.archive.episode.ArchiveCounts;
import ai.interconnects.archive.episode.ParseProblem;
import ai.interconnects.archive.poll.LockHeartbeat;
import ai.interconnects.archive.poll.PollRecord;
import ai.interconnects.archive.show.ShowState;

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
public record AdminOverview(ShowState feed, String configuredUrl, List<PollRecord> runs, int page, boolean hasOlder,
		ArchiveCounts counts, List<ParseProblem> parseProblems, long parseProblemCount, boolean pollRunning,
		LockHeartbeat.HeldLock pollLock) {

}
