package ai.interconnects.archive.web;

import java.util.Optional;

/**
 * The last poll of the feed as the pages tell it, declared here so that the pages need
 * not know the poll (which sits above the content they show).
 */
public interface LastPoll {

	/** The latest run, or empty before the first. */
	Optional<PollStatus> latest();

}
