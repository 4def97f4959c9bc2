package ai.interconnects.archive.search.meaning;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Which threads besides its own work on a scan's parts. The first pass over 2 M moments'
 * sign bits reads about 96 MB and is bound by memory bandwidth, which two cores share
 * better than one (BENCHMARKS.md, "Run I"): a scan alone asks a common-pool thread at
 * once ({@link #pool}). A hybrid search's scan runs beside the words half, whose database
 * backend keeps a core busy: a pool thread then makes three busy threads on two cores and
 * slows the words half, the longer of the two (BENCHMARKS.md, "Run K"). There the
 * request's thread lends itself instead, once its database work is done ({@link #lender},
 * {@link #help}). Either way the scan's own thread takes parts until none is left: a scan
 * never waits in a queue behind another's.
 */
public final class ScanHelp {

	private final AtomicReference<Parts> offered = new AtomicReference<>();

	private volatile boolean free;

	private ScanHelp(boolean free) {
		this.free = free;
	}

	/** A common-pool thread helps each part of the scan from its start. */
	public static ScanHelp pool() {
		return new ScanHelp(true);
	}

	/** The thread that calls {@link #help} when free helps; until then none. */
	public static ScanHelp lender() {
		return new ScanHelp(false);
	}

	/**
	 * The calling thread is free: it takes parts of the scan under way until none is
	 * left; parts offered later get a pool thread, since this one will be waiting for the
	 * scan's answer.
	 */
	public void help() {
		this.free = true;
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
		// a volatile write then read here, the reverse in help(): one side sees the other
		this.offered.set(parts);
		if (this.free) {
			ForkJoinPool.commonPool().execute(parts::drain);
		}
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
