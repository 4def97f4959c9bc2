package ai.interconnects.archive.admin;

import ai.interconnects.archive.poll.LockHeartbeat;
import ai.interconnects.archive.poll.PollHistory;
import ai.interconnects.archive.poll.PollLock;
import ai.interconnects.archive.feed.client.FeedProperties;
import ai.interconnects.archive.episode.EpisodeCatalog;
import ai.interconnects.archive.show.Shows;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the admin page's data straight from the tables: it is a report over the feed's
 * state and counts, not domain behaviour, so plain SQL says it most directly. The poll
 * history comes from {@link PollHistory}, as on the archive page.
 */
@Service
class AdminQueries {

	static final int RUNS_PER_PAGE = 50;

	static final int PARSE_PROBLEMS_SHOWN = 200;

	private final EpisodeCatalog catalog;

	private final FeedProperties feed;

	private final PollLock pollLock;

	private final PollHistory history;

	private final LockHeartbeat locks;

	private final Shows shows;

	AdminQueries(EpisodeCatalog catalog, FeedProperties feed, PollLock pollLock, PollHistory history,
			LockHeartbeat locks, Shows shows) {
		this.shows = shows;
		this.catalog = catalog;
		this.locks = locks;
		this.feed = feed;
		this.pollLock = pollLock;
		this.history = history;
	}

	@Transactional(readOnly = true)
	AdminOverview overview(int page) {
		int safePage = Math.max(0, page);
		var configured = this.feed.url().toString();
		var feedState = this.shows.state(configured).orElse(null);
		// One more run than shown tells whether older runs exist.
		var runs = this.history.page(RUNS_PER_PAGE + 1, (long) safePage * RUNS_PER_PAGE);
		boolean hasOlder = runs.size() > RUNS_PER_PAGE;
		if (hasOlder) {
			runs = runs.subList(0, RUNS_PER_PAGE);
		}
		var counts = this.catalog.counts();
		var problems = this.catalog.parseProblems(PARSE_PROBLEMS_SHOWN);
		long problemCount = this.catalog.parseProblemCount();
		return new AdminOverview(feedState, configured, runs, safePage, hasOlder, counts, problems, problemCount,
				this.pollLock.isHeld(), this.locks.held(PollLock.LOCK_NAME).orElse(null));
	}

}
