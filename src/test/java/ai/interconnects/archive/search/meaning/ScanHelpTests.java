package ai.interconnects.archive.search.meaning;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A scan's parts: each done once whoever helps; with every pool thread busy the scan's
 * own thread does them all instead of waiting, and a thread that helps takes parts of the
 * scan under way; a failure reaches the scan.
 */
class ScanHelpTests {

	@Test
	void everyPartIsDoneOnce() {
		var done = new AtomicIntegerArray(100);

		new ScanHelp().run(100, done::incrementAndGet);

		for (int p = 0; p < 100; p++) {
			assertThat(done.get(p)).isEqualTo(1);
		}
	}

	@Test
	void withEveryPoolThreadBusyTheScansThreadDoesEveryPartItself() throws Exception {
		var release = occupyEveryPoolThread();
		try {
			var threads = ConcurrentHashMap.<Thread>newKeySet();

			new ScanHelp().run(8, (p) -> threads.add(Thread.currentThread()));

			assertThat(threads).containsExactly(Thread.currentThread());
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void aThreadThatHelpsTakesPartsOfTheScanUnderWay() throws Exception {
		// every pool thread busy: only the scan's own thread works until another helps
		var release = occupyEveryPoolThread();
		var help = new ScanHelp();
		var threads = ConcurrentHashMap.<Thread>newKeySet();
		var started = new CountDownLatch(1);
		var secondPartTaken = new CountDownLatch(1);
		var scan = new Thread(() -> help.run(4, (p) -> {
			threads.add(Thread.currentThread());
			if (p == 0) {
				// the scan's thread holds its first part until another thread takes one
				started.countDown();
				await(secondPartTaken);
			}
			else {
				secondPartTaken.countDown();
			}
		}));
		try {
			scan.start();
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(secondPartTaken.await(200, TimeUnit.MILLISECONDS)).as("no thread free to help yet").isFalse();

			help.help();

			assertThat(secondPartTaken.await(10, TimeUnit.SECONDS)).isTrue();
			scan.join(10_000);
			assertThat(scan.isAlive()).isFalse();
			assertThat(threads).containsExactlyInAnyOrder(Thread.currentThread(), scan);
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void aPartThatFailsFailsTheScan() {
		assertThatThrownBy(() -> new ScanHelp().run(8, (p) -> {
			if (p == 5) {
				throw new IllegalStateException("part 5 failed");
			}
		})).isInstanceOf(IllegalStateException.class).hasMessage("part 5 failed");
	}

	/** Keeps every common-pool thread busy until the returned latch is counted down. */
	private static CountDownLatch occupyEveryPoolThread() throws InterruptedException {
		var pool = ForkJoinPool.commonPool();
		var release = new CountDownLatch(1);
		var busy = new CountDownLatch(pool.getParallelism());
		for (int i = 0; i < pool.getParallelism(); i++) {
			pool.execute(() -> {
				busy.countDown();
				await(release);
			});
		}
		assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
		return release;
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
