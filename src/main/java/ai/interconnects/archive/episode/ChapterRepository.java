package ai.interconnects.archive.episode;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ChapterRepository extends JpaRepository<Chapter, Long> {

	List<Chapter> findByEpisodeIdOrderByPosition(long episodeId);

	long countByEpisodeId(long episodeId);

	@Modifying
	@Query("delete from Chapter c where c.episodeId = :episodeId")
	int deleteByEpisodeId(long episodeId);

}
