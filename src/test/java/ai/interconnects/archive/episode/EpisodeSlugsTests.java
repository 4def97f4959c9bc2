package ai.interconnects.archive.episode;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.DatabaseCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two shows polled at the same time may both bring an episode called "Trailer": the
 * second to ask for a slug waits until the first has stored its episode, and gets the
 * next free one instead of the same (whose insert would then fail).
 */
@ArchiveTest(properties = "archive.poll.enabled=false")
@Timeout(60)
class EpisodeSlugsTests {

	@Autowired
	EpisodeSlugs slugs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
		for (long id : new long[] { 1, 2 }) {
			this.jdbc
				.sql("insert into podcast (id, configured_url, feed_url, status, consecutive_failures, "
						+ "redirect_seen_count, created_at, updated_at) values (?, ?, ?, 'ACTIVE', 0, 0, now(), now())")
				.params(id, "https://show" + id + ".example/feed", "https://show" + id + ".example/feed")
				.update();
		}
	}

	@Test
	void twoShowsStoringAnEpisodeOfTheSameTitleAtOnceGetDistinctSlugs() throws Exception {
		var firstHasItsSlug = new CountDownLatch(1);
		var first = CompletableFuture.supplyAsync(() -> this.tx.execute((status) -> {
			var slug = this.slugs.free("trailer");
			firstHasItsSlug.countDown();
			sleep(500); // the rest of the first show's item transaction
			insert(1, slug);
			return slug;
		}));
		assertThat(firstHasItsSlug.await(20, TimeUnit.SECONDS)).isTrue();
		var second = CompletableFuture.supplyAsync(() -> this.tx.execute((status) -> {
			var slug = this.slugs.free("trailer");
			insert(2, slug);
			return slug;
		}));

		assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("trailer");
		assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("trailer-2");
		assertThat(this.jdbc.sql("select count(*) from episode").query(Long.class).single()).isEqualTo(2);
	}

	private void insert(long podcastId, String slug) {
		var now = java.sql.Timestamp.from(Instant.now());
		this.jdbc
			.sql("insert into episode (podcast_id, guid, slug, title, content_hash, first_seen_at, last_seen_at, "
					+ "updated_at) values (?, ?, ?, 'Trailer', 'h', ?, ?, ?)")
			.params(podcastId, "trailer-guid", slug, now, now, now)
			.update();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
