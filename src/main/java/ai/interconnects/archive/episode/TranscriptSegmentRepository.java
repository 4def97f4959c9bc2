package ai.interconnects.archive.episode;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface TranscriptSegmentRepository extends JpaRepository<TranscriptSegment, Long> {

	List<TranscriptSegment> findByEpisodeIdOrderByPosition(long episodeId);

	long countByEpisodeId(long episodeId);

	@Modifying
	@Query("delete from TranscriptSegment s where s.episodeId = :episodeId")
	int deleteByEpisodeId(long episodeId);

}
