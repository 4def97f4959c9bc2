package ai.interconnects.archive.feed;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PodcastRepository extends JpaRepository<Podcast, Long> {

	Optional<Podcast> findByConfiguredUrl(String configuredUrl);

}
