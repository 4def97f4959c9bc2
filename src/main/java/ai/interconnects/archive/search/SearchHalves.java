package ai.interconnects.archive.search;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import ai.interconnects.archive.search.meaning.ScanHelp;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs the meaning half of a hybrid search (embedding the query, scanning the vectors:
 * CPU in this JVM) while the request's own thread waits on the database for the words
 * half, so a query costs the longer half instead of both (BENCHMARKS.md, "Search by
 * meaning"). At most one helper thread per core; when all are busy the half runs on the
 * caller's thread before the other, as if there were no helpers, so a burst of searches
 * neither queues here nor starts more threads than there are cores.
 */
@Component
class SearchHalves implements DisposableBean {

	private final ThreadPoolExecutor helpers;

	SearchHalves() {
		int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
		var count = new AtomicInteger();
		this.helpers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
				(task) -> {
					var thread = new Thread(task, "search-meaning-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.CallerRunsPolicy());
		this.helpers.allowCoreThreadTimeOut(true);
	}

	/** Starts {@code half}; {@link Half#join} waits for its answer. */
	<T> Half<T> start(Supplier<T> half) {
		return new Half<>(CompletableFuture.supplyAsync(half, this.helpers));
	}

	/** A half under way. */
	static final class Half<T> {

		private final CompletableFuture<T> future;

		private Half(CompletableFuture<T> future) {
			this.future = future;
		}

		/** Its answer; what it threw is thrown here. */
		T join() {
			return ScanHelp.join(this.future);
		}

	}

	@Override
	public void destroy() {
		this.helpers.shutdownNow();
	}

}
