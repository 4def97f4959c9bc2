package ai.interconnects.archive.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PollQueueTests {

	private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

	@Test
	void startsTheEarliestDueFirstUpToTheConcurrencyLimit() {
		var queue = new PollQueue<Long>(2, 2);
		queue.offer(1L, "a.com", T0.plusSeconds(30));
		queue.offer(2L, "b.com", T0);
		queue.offer(3L, "c.com", T0.plusSeconds(10));

		assertThat(queue.take()).extracting(PollQueue.Waiting::show).containsExactly(2L, 3L);
		assertThat(queue.take()).isEmpty();
		queue.finished(3L);
		assertThat(queue.take()).extracting(PollQueue.Waiting::show).containsExactly(1L);
	}

	@Test
	void aFullHostIsSkippedAndTheShowsOfOtherHostsGoAhead() {
		var queue = new PollQueue<Long>(4, 2);
		for (long id = 1; id <= 5; id++) {
			queue.offer(id, "libsyn.com", T0);
		}
		queue.offer(6L, "megaphone.fm", T0.plusSeconds(60));

		assertThat(queue.take()).extracting(PollQueue.Waiting::show).containsExactly(1L, 2L, 6L);
		assertThat(queue.runningAt("libsyn.com")).isEqualTo(2);
		assertThat(queue.waiting()).isEqualTo(3);
	}

	@Test
	void aShowIsQueuedOnceAndNeverWhileItsPollRuns() {
		var queue = new PollQueue<Long>(4, 2);

		assertThat(queue.offer(1L, "a.com", T0)).isTrue();
		assertThat(queue.offer(1L, "a.com", T0)).isFalse();
		assertThat(queue.take()).hasSize(1);
		assertThat(queue.offer(1L, "a.com", T0)).isFalse();
		queue.finished(1L);
		assertThat(queue.offer(1L, "a.com", T0)).isTrue();
		queue.withdraw(1L);
		assertThat(queue.take()).isEmpty();
	}

	/**
	 * 200 shows polled from a cold start: 60 on Substack, 40 on a Libsyn that takes 10 s
	 * a feed, 30 on Megaphone, 5 that fail at once, 65 on hosts of their own (200 ms
	 * each). Four polls at once, two per host.
	 */
	@Test
	void aSlowHostDelaysOnlyItsOwnShowsAndNoLimitIsEverPassed() {
		var queue = new PollQueue<Long>(4, 2);
		var hosts = new HashMap<Long, String>();
		var durations = new HashMap<Long, Duration>();
		long id = 0;
		for (int i = 0; i < 60; i++) {
			add(queue, hosts, durations, ++id, "substack.com", Duration.ofMillis(200));
		}
		for (int i = 0; i < 40; i++) {
			add(queue, hosts, durations, ++id, "libsyn.com", Duration.ofSeconds(10));
		}
		for (int i = 0; i < 30; i++) {
			add(queue, hosts, durations, ++id, "megaphone.fm", Duration.ofMillis(200));
		}
		for (int i = 0; i < 5; i++) {
			add(queue, hosts, durations, ++id, "broken-" + i + ".example", Duration.ofMillis(5));
		}
		for (int i = 0; i < 65; i++) {
			add(queue, hosts, durations, ++id, "own-" + i + ".example", Duration.ofMillis(200));
		}

		var finishedAt = simulate(queue, durations, hosts);

		assertThat(finishedAt).hasSize(200);
		assertThat(queue.mostRunning()).isEqualTo(4);
		var lastFast = finishedAt.entrySet()
			.stream()
			.filter((e) -> !hosts.get(e.getKey()).equals("libsyn.com"))
			.map(Map.Entry::getValue)
			.max(Duration::compareTo)
			.orElseThrow();
		var lastSlow = finishedAt.values().stream().max(Duration::compareTo).orElseThrow();
		// 160 fast shows on the two places Libsyn leaves free: ~16 s, not ~200 s
		assertThat(lastFast).isLessThan(Duration.ofSeconds(20));
		assertThat(lastSlow).isEqualTo(Duration.ofSeconds(200));
	}

	private static void add(PollQueue<Long> queue, Map<Long, String> hosts, Map<Long, Duration> durations, long id,
			String host, Duration duration) {
		hosts.put(id, host);
		durations.put(id, duration);
		queue.offer(id, host, T0);
	}

	/** Runs the queue on a simulated clock, checking the limits after every start. */
	private static Map<Long, Duration> simulate(PollQueue<Long> queue, Map<Long, Duration> durations,
			Map<Long, String> hosts) {
		record End(Duration at, long show) {
		}
		var ends = new PriorityQueue<End>((a, b) -> a.at().compareTo(b.at()));
		var finished = new HashMap<Long, Duration>();
		var now = Duration.ZERO;
		while (true) {
			for (var started : queue.take()) {
				ends.add(new End(now.plus(durations.get(started.show())), started.show()));
			}
			assertThat(queue.running()).isLessThanOrEqualTo(4);
			var perHost = new HashMap<String, Integer>();
			for (var end : ends) {
				perHost.merge(hosts.get(end.show()), 1, Integer::sum);
			}
			assertThat(new ArrayList<>(perHost.values())).allMatch((count) -> count <= 2);
			var next = ends.poll();
			if (next == null) {
				return finished;
			}
			now = next.at();
			queue.finished(next.show());
			finished.put(next.show(), now);
		}
	}

	static List<Long> ids(List<PollQueue.Waiting<Long>> started) {
		return started.stream().map(PollQueue.Waiting::show).toList();
	}

}
