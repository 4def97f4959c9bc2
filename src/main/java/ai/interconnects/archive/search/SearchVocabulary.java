package ai.interconnects.archive.search;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Keeps the archive's own vocabulary (materialized view {@code search_vocabulary}, see V2
 * and V11, read by {@link Suggestions}) and the speaker list current.
 * <p>
 * Triggers on the searchable tables set {@code search_vocabulary_state.dirty}; this
 * component refreshes the views when it is set, so the word list follows polls and
 * re-parses without the poller knowing about search.
 */
@Component
class SearchVocabulary implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(SearchVocabulary.class);

	private final JdbcClient jdbc;

	/**
	 * How long a cached speaker list is trusted without a refresh by this instance
	 * (another instance may have refreshed the view).
	 */
	private static final Duration SPEAKERS_TTL = Duration.ofMinutes(1);

	private record CachedSpeakers(List<String> speakers, long loadedAt) {
	}

	/**
	 * The speaker dropdown, read on every search page: {@code search_speaker} changes
	 * only when {@link #refreshIfStale} refreshes it, so it is cached and dropped on each
	 * refresh rather than costing a round trip per page.
	 */
	private volatile CachedSpeakers speakers;

	private final Duration check;

	SearchVocabulary(JdbcClient jdbc, SearchProperties properties) {
		this.jdbc = jdbc;
		this.check = properties.vocabularyCheck();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::scheduledRefresh, this.check, this.check));
	}

	List<String> speakers(Supplier<List<String>> loader) {
		var cached = this.speakers;
		long now = System.nanoTime();
		if (cached == null || now - cached.loadedAt() > SPEAKERS_TTL.toNanos()) {
			cached = new CachedSpeakers(List.copyOf(loader.get()), now);
			this.speakers = cached;
		}
		return cached.speakers();
	}

	void scheduledRefresh() {
		try {
			refreshIfStale();
		}
		catch (RuntimeException ex) {
			log.warn("Could not refresh the search vocabulary: {}", ex.getMessage());
		}
	}

	/**
	 * Refreshes the views when the archive changed since the last refresh.
	 * @return whether it refreshed
	 */
	boolean refreshIfStale() {
		// Clear the flag first, in its own statement: a write that lands while the views
		// refresh sets it again and is picked up next time, and ingest never waits on us.
		int claimed = this.jdbc.sql("update search_vocabulary_state set dirty = false where id = 1 and dirty").update();
		if (claimed == 0) {
			return false;
		}
		try {
			// CONCURRENTLY: searches keep reading the old lists while the new ones build
			this.jdbc.sql("refresh materialized view concurrently search_vocabulary").update();
			this.jdbc.sql("refresh materialized view concurrently search_speaker").update();
			this.jdbc.sql("update search_vocabulary_state set refreshed_at = now() where id = 1").update();
			this.speakers = null;
			return true;
		}
		catch (RuntimeException ex) {
			this.jdbc.sql("update search_vocabulary_state set dirty = true where id = 1").update();
			throw ex;
		}
	}

}
