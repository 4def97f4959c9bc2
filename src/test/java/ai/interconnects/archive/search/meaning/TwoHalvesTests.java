package ai.interconnects.archive.search.meaning;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two halves of a scan: both answers in order; when no pool thread is free the caller
 * runs the other half itself instead of waiting; a failure reaches the caller.
 */
class TwoHalvesTests {

	@Test
	void bothAnswersComeBackInOrder() {
		var both = TwoHalves.run(() -> "first", () -> "second");

		assertThat(both.first()).isEqualTo("first");
		assertThat(both.second()).isEqualTo("second");
	}

	@Test
	void withEveryPoolThreadBusyTheCallerRunsTheOtherHalfItself() throws Exception {
		var pool = ForkJoinPool.commonPool();
		var release = new CountDownLatch(1);
		var busy = new CountDownLatch(pool.getParallelism());
		for (int i = 0; i < pool.getParallelism(); i++) {
			pool.execute(() -> {
				busy.countDown();
				await(release);
			});
		}
		try {
			assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
			var caller = Thread.currentThread();

			var both = TwoHalves.run(() -> Thread.currentThread(), () -> Thread.currentThread());

			assertThat(both.first()).isSameAs(caller);
			assertThat(both.second()).isSameAs(caller);
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void aHalfThatFailsFailsTheScan() {
		assertThatThrownBy(() -> TwoHalves.run(() -> 1, () -> {
			throw new IllegalStateException("second half failed");
		})).isInstanceOf(IllegalStateException.class).hasMessage("second half failed");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
