package ai.interconnects.archive.show;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PodcastRepository extends JpaRepository<Podcast, Long> {

	Optional<Podcast> findByConfiguredUrl(String configuredUrl);

	Optional<Podcast> findByEntrySlug(String slug);

	boolean existsByEntrySlug(String slug);

}
