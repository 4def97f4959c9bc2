package ai.interconnects.archive.feed;

import org.springframework.data.jpa.repository.JpaRepository;

interface PollItemFailureRepository extends JpaRepository<PollItemFailure, Long> {

}
