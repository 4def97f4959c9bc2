package ai.interconnects.archive.feed;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PollItemFailureRepository extends JpaRepository<PollItemFailure, Long> {

	List<PollItemFailure> findByPollRunIdOrderById(long pollRunId);

}
