package ai.interconnects.archive.search;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The meaning half of a hybrid search runs beside the words half, on at most one helper a
 * core, and on the caller's thread when every helper is busy.
 */
class SearchHalvesTests {

	private final SearchHalves halves = new SearchHalves();

	@AfterEach
	void stop() {
		this.halves.destroy();
	}

	@Test
	void aHalfRunsOnAHelperWhileTheCallerGoesOn() {
		var caller = Thread.currentThread();

		var half = this.halves.start(() -> Thread.currentThread() != caller);

		assertThat(half.join()).isTrue();
	}

	@Test
	void whatAHalfThrowsIsThrownWhereItIsJoined() {
		var half = this.halves.<String>start(() -> {
			throw new IllegalStateException("no vectors");
		});

		assertThatThrownBy(half::join).isInstanceOf(IllegalStateException.class).hasMessage("no vectors");
	}

	@Test
	void whenEveryHelperIsBusyTheHalfRunsOnTheCallersThread() throws Exception {
		var release = new CountDownLatch(1);
		var busy = new ArrayList<SearchHalves.Half<Boolean>>();
		int helpers = Math.max(1, Runtime.getRuntime().availableProcessors());
		var started = new CountDownLatch(helpers);
		for (int i = 0; i < helpers; i++) {
			busy.add(this.halves.start(() -> {
				started.countDown();
				try {
					return release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}));
		}
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		var caller = Thread.currentThread();

		var half = this.halves.start(() -> Thread.currentThread() == caller);

		assertThat(half.join()).isTrue();
		release.countDown();
		busy.forEach((b) -> assertThat(b.join()).isTrue());
	}

}
