package ai.interconnects.archive.search.meaning;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs the two halves of a scan at once: this thread one, a common-pool thread the other.
 * The first pass over 2 M moments' sign bits reads about 96 MB and is bound by memory
 * bandwidth, which two cores share better than one (BENCHMARKS.md, "Run I"). When the
 * pool has not started the other half by the time this thread finishes its own (every
 * core busy with other searches), this thread runs it too: a search never waits in a
 * queue behind another's half.
 */
public final class TwoHalves {

	private TwoHalves() {
	}

	/** Both halves' answers, in order. */
	static <T> Pair<T> run(Supplier<T> first, Supplier<T> second) {
		var claimed = new AtomicBoolean();
		var other = new CompletableFuture<T>();
		ForkJoinPool.commonPool().execute(() -> {
			if (claimed.compareAndSet(false, true)) {
				try {
					other.complete(second.get());
				}
				catch (Throwable ex) {
					other.completeExceptionally(ex);
				}
			}
		});
		var mine = first.get();
		if (claimed.compareAndSet(false, true)) {
			return new Pair<>(mine, second.get());
		}
		return new Pair<>(mine, join(other));
	}

	/**
	 * The future's answer; what its task threw is thrown here as it was thrown, not
	 * wrapped (also for the search's own halves, {@code SearchHalves}).
	 */
	public static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	record Pair<T>(T first, T second) {
	}

}
