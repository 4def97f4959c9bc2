package ai.interconnects.archive.poll;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.context.ConfigurableApplicationContext;

/** Starting several instances of the archive in one test JVM. */
final class InstanceStarts {

	private InstanceStarts() {
	}

	/**
	 * Starts two instances at the same moment with {@code start}. Both starts end (or
	 * fail) before the test goes on, so that the test's clean-up closes every instance
	 * that did start (one left ticking would poll the shared database under later tests);
	 * a start that failed (two Spring Boot start-ups in one JVM at once can trip over
	 * each other) is made again on its own: what is tested is the polling, not the start.
	 */
	static void together(Supplier<ConfigurableApplicationContext> start) throws Exception {
		var first = CompletableFuture.supplyAsync(start);
		var second = CompletableFuture.supplyAsync(start);
		CompletableFuture.allOf(first, second).handle((done, failed) -> null).get(90, TimeUnit.SECONDS);
		for (var started : List.of(first, second)) {
			if (started.isCompletedExceptionally()) {
				start.get();
			}
		}
	}

}
