package ai.interconnects.archive.feed;

import org.springframework.data.jpa.repository.JpaRepository;

/** Writes the poll history; it is read through {@link PollHistory}. */
interface PollRunRepository extends JpaRepository<PollRun, Long> {

}
