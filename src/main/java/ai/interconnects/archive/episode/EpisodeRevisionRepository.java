package ai.interconnects.archive.episode;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface EpisodeRevisionRepository extends JpaRepository<EpisodeRevision, Long> {

	List<EpisodeRevision> findByEpisodeIdOrderByRecordedAtDesc(long episodeId);

}
