package ai.interconnects.archive.search.meaning;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * The threads that work on a scan's parts: the scan's own, a common-pool thread asked at
 * once (the first pass over 2 M moments' sign bits reads about 96 MB and is bound by
 * memory bandwidth, which two cores share better than one: BENCHMARKS.md, "Run I"), and a
 * search's own thread once its words half is done ({@link #help}), which would otherwise
 * wait for the scan's answer (BENCHMARKS.md, "Run K"). Each takes parts until none is
 * left: a scan never waits in a queue behind another's, and when every pool thread is
 * busy the scan's own thread does every part.
 */
public final class ScanHelp {

	private final AtomicReference<Parts> offered = new AtomicReference<>();

	/**
	 * The calling thread is free: it takes parts of the scan under way, if one is, until
	 * none is left.
	 */
	public void help() {
		var parts = this.offered.get();
		if (parts != null) {
			parts.drain();
		}
	}

	/**
	 * Runs {@code part} for every index below {@code count}, this thread and the helpers
	 * taking one at a time; returns when all are done, throwing what a part threw.
	 */
	void run(int count, IntConsumer part) {
		var parts = new Parts(count, part);
		this.offered.set(parts);
		ForkJoinPool.commonPool().execute(parts::drain);
		parts.drain();
		parts.await();
	}

	private static final class Parts {

		private final int count;

		private final IntConsumer part;

		private final AtomicInteger next = new AtomicInteger();

		private final CountDownLatch done;

		private final AtomicReference<Throwable> failure = new AtomicReference<>();

		Parts(int count, IntConsumer part) {
			this.count = count;
			this.part = part;
			this.done = new CountDownLatch(count);
		}

		void drain() {
			for (int p = this.next.getAndIncrement(); p < this.count; p = this.next.getAndIncrement()) {
				try {
					this.part.accept(p);
				}
				catch (Throwable ex) {
					this.failure.compareAndSet(null, ex);
				}
				finally {
					this.done.countDown();
				}
			}
		}

		void await() {
			boolean interrupted = false;
			while (true) {
				try {
					this.done.await();
					break;
				}
				catch (InterruptedException ex) {
					// the parts taken by helpers are short; their answers are needed
					interrupted = true;
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
			var failure = this.failure.get();
			if (failure != null) {
				rethrow(failure);
				throw new IllegalStateException(failure);
			}
		}

	}

	/**
	 * The future's answer; what its task threw is thrown here as it was thrown, not
	 * wrapped (for the search's halves, {@code SearchHalves}).
	 */
	public static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			rethrow(ex.getCause());
			throw ex;
		}
	}

	/** Throws the failure as it was thrown when it is unchecked. */
	private static void rethrow(Throwable failure) {
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
	}

}
