package ai.interconnects.archive.poll;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Writes the poll history; it is read through {@link PollHistory}. */
interface PollRunRepository extends JpaRepository<PollRun, Long> {

	/**
	 * Finishes every run of one show still marked running as failed with kind
	 * {@code INTERRUPTED}; only to be called while holding the poll lock, when no live
	 * run can exist. The finish time stays empty: nobody knows when the instance died. (A
	 * live run that outlived its lock, {@code archive.poll.lock-at-most-for}, and
	 * finishes after all overwrites this with how it really ended.)
	 */
	@Modifying
	@Query(value = """
			update poll_run set outcome = 'FAILED', failure_kind = :kind, message = :message
			where outcome = 'RUNNING' and podcast_id = :podcastId""", nativeQuery = true)
	int finishInterrupted(long podcastId, String kind, String message);

}
