package ai.interconnects.archive.poll;

import java.time.Clock;
import java.util.Optional;

import ai.interconnects.archive.LogText;
import ai.interconnects.archive.episode.ShowRemoval;
import ai.interconnects.archive.show.PodcastRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The operator's marks on one show: pause and resume its polling, and remove it. Removal
 * runs under the show's poll lock, so no poll of it stores an episode while its episodes
 * are deleted; the row is kept as a tombstone, so a list naming the show again does not
 * add it back (only "Add a show" restores it, without the deleted episodes: its next poll
 * reads the feed again).
 */
@Component
public class ShowControls {

	private static final Logger log = LoggerFactory.getLogger(ShowControls.class);

	private final PodcastRepository podcasts;

	private final PollLock lock;

	private final ShowRemoval removal;

	private final Clock clock;

	ShowControls(PodcastRepository podcasts, PollLock lock, ShowRemoval removal, Clock clock) {
		this.podcasts = podcasts;
		this.lock = lock;
		this.removal = removal;
		this.clock = clock;
	}

	/** Pauses or resumes polling; false when there is no such show. */
	public boolean pause(long podcastId, boolean paused) {
		var found = this.podcasts.findById(podcastId);
		found.ifPresent((podcast) -> {
			if (paused) {
				podcast.entry().pause(this.clock.instant());
			}
			else {
				podcast.entry().resume();
			}
			this.podcasts.save(podcast);
			log.info("Polling of {} {} by the operator", LogText.of(podcast.getFeedUrl()),
					paused ? "paused" : "resumed");
		});
		return found.isPresent();
	}

	/**
	 * Removes the show: deletes its episodes and marks its row removed.
	 * @return the number of episodes deleted, or empty when a poll of the show is running
	 * (here or in another instance) and removal should be tried again in a moment
	 */
	public Optional<Integer> remove(long podcastId) {
		var known = this.podcasts.findById(podcastId);
		if (known.isEmpty()) {
			return Optional.of(0);
		}
		var name = this.lock.nameOf(podcastId, known.get().getConfiguredUrl());
		return this.lock.runExclusively(name, podcastId, "remove", () -> {
			var podcast = this.podcasts.findById(podcastId).orElseThrow();
			podcast.entry().remove(this.clock.instant());
			this.podcasts.save(podcast);
			int deleted = this.removal.deleteEpisodesOf(podcastId);
			log.warn("Show {} removed by the operator: {} episodes deleted, its row kept as a tombstone",
					LogText.of(podcast.getFeedUrl()), deleted);
			return Optional.of(deleted);
		});
	}

}
