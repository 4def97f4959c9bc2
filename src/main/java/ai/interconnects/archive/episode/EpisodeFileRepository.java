package ai.interconnects.archive.episode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EpisodeFileRepository extends JpaRepository<EpisodeFile, Long> {

	Optional<EpisodeFile> findByEpisodeIdAndKind(long episodeId, EpisodeFile.Kind kind);

	List<EpisodeFile> findByEpisodeId(long episodeId);

	/**
	 * Candidates for fetching, oldest attempt first (never tried before all): rows not
	 * attempted since {@code attemptedBefore}. The caller applies the exact due rule.
	 */
	@Query("""
			select f from EpisodeFile f
			where f.episodeId in (select e.id from Episode e where e.podcastId = :podcastId)
			  and (f.lastAttemptAt is null or f.lastAttemptAt <= :attemptedBefore)
			order by f.lastAttemptAt asc nulls first, f.id asc
			""")
	List<EpisodeFile> findCandidates(long podcastId, Instant attemptedBefore, Limit limit);

	@Query("""
			select count(f) from EpisodeFile f
			where f.episodeId in (select e.id from Episode e where e.podcastId = :podcastId)
			  and f.fetchedAt is null
			""")
	long countPending(long podcastId);

}
