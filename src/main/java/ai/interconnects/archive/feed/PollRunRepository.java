package ai.interconnects.archive.feed;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PollRunRepository extends JpaRepository<PollRun, Long> {

	Optional<PollRun> findFirstByOrderByStartedAtDesc();

	List<PollRun> findByOrderByStartedAtDesc(Pageable pageable);

}
