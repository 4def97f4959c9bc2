package ai.interconnects.archive.poll;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostLimiterTests {

	@Test
	void givesAHostNoMorePermitsThanItsLimitWhileOtherHostsAreServed() {
		var limiter = new HostLimiter(2);

		var first = limiter.tryAcquire("libsyn.com");
		var second = limiter.tryAcquire("libsyn.com");

		assertThat(first).isNotNull();
		assertThat(second).isNotNull();
		assertThat(limiter.tryAcquire("libsyn.com")).isNull();
		assertThat(limiter.tryAcquire("megaphone.fm")).isNotNull();
		first.close();
		assertThat(limiter.tryAcquire("libsyn.com")).isNotNull();
		assertThat(limiter.mostSeen()).containsEntry("libsyn.com", 2).containsEntry("megaphone.fm", 1);
	}

	@Test
	void aPermitClosedTwiceIsGivenBackOnce() {
		var limiter = new HostLimiter(1);
		var permit = limiter.tryAcquire("h");
		var other = limiter.tryAcquire("h");

		permit.close();
		var again = limiter.tryAcquire("h");
		permit.close();

		assertThat(other).isNull();
		assertThat(again).isNotNull();
		assertThat(limiter.inUse("h")).isEqualTo(1);
		assertThat(limiter.tryAcquire("h")).isNull();
	}

	@Test
	void aWaitingRequestGetsThePermitWhenOneIsGivenBackAndGivesUpAfterItsWait() throws Exception {
		var limiter = new HostLimiter(1);
		var held = limiter.tryAcquire("h");
		var executor = Executors.newSingleThreadExecutor();
		try {
			var waiting = executor.submit(() -> limiter.acquire("h", Duration.ofSeconds(30)));
			Thread.sleep(50);
			assertThat(waiting).isNotDone();
			held.close();
			assertThat(waiting.get(10, TimeUnit.SECONDS)).isNotNull();
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(limiter.acquire("h", Duration.ofMillis(20))).isNull();
	}

	@Test
	void neverLetsMoreThanTheLimitThroughUnderContention() throws Exception {
		var limiter = new HostLimiter(3);
		var inside = new AtomicInteger();
		var most = new AtomicInteger();
		var done = new CountDownLatch(40);
		var executor = Executors.newFixedThreadPool(16);
		try {
			for (int i = 0; i < 40; i++) {
				executor.submit(() -> {
					try (var permit = limiter.acquire("substack.com", Duration.ofSeconds(30))) {
						int now = inside.incrementAndGet();
						most.accumulateAndGet(now, Math::max);
						Thread.sleep(5);
						inside.decrementAndGet();
					}
					finally {
						done.countDown();
					}
					return null;
				});
			}
			assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(most.get()).isEqualTo(3);
		assertThat(limiter.mostSeen()).containsEntry("substack.com", 3);
		assertThat(limiter.inUse("substack.com")).isZero();
	}

	@Test
	void refusesALimitBelowOne() {
		assertThatThrownBy(() -> new HostLimiter(0)).isInstanceOf(IllegalArgumentException.class);
	}

}
