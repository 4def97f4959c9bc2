package ai.interconnects.archive.poll;

import org.springframework.data.jpa.repository.JpaRepository;

interface PollItemFailureRepository extends JpaRepository<PollItemFailure, Long> {

}
