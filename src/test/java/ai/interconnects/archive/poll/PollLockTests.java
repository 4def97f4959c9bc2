package ai.interconnects.archive.poll;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ai.interconnects.archive.support.ArchiveTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ArchiveTest
class PollLockTests {

	@Autowired
	PollLock lock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anInstanceNeverBreaksTheLockItHoldsEvenWhenItsHeartbeatLooksStale() throws Exception {
		var holding = new CountDownLatch(1);
		var release = new CountDownLatch(1);
		var work = CompletableFuture.supplyAsync(() -> this.lock.runExclusively("poll", () -> {
			holding.countDown();
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return Optional.of("done");
		}));
		try {
			assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
			// heartbeat writes failed for a while (a database hiccup): the row looks dead
			this.jdbc.sql("update lock_heartbeat set heartbeat_at = timezone('utc', now()) - interval '1 hour'")
				.update();

			assertThat(this.lock.breakStale()).isFalse();
		}
		finally {
			release.countDown();
		}
		assertThat(work.get(30, TimeUnit.SECONDS)).contains("done");
	}

}
