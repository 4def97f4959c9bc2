package ai.interconnects.archive.episode;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface EpisodeRepository extends JpaRepository<Episode, Long> {

	Optional<Episode> findBySlug(String slug);

	Optional<Episode> findByPodcastIdAndGuid(long podcastId, String guid);

	List<Episode> findByPodcastIdAndAudioKeyOrderByIdAsc(long podcastId, String audioKey);

	List<Episode> findByPodcastIdAndLinkOrderByIdAsc(long podcastId, String link);

	boolean existsBySlug(String slug);

	/** Identity and content hash of every episode: one query to skip unchanged items. */
	@Query("select new ai.interconnects.archive.episode.StoredHash(e.guid, e.contentHash) from Episode e where e.podcastId = :podcastId")
	List<StoredHash> findHashes(long podcastId);

	/** One statement per poll marks the episodes the feed still lists. */
	@Modifying
	@Query("update Episode e set e.lastSeenAt = :seenAt where e.podcastId = :podcastId and e.guid in :guids")
	int markSeen(long podcastId, Collection<String> guids, Instant seenAt);

}
