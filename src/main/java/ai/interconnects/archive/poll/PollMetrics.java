package ai.interconnects.archive.poll;

import java.util.Locale;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * What polling reports to Micrometer: {@code archive.poll.duration} by outcome,
 * {@code archive.poll.items} by result, {@code archive.poll.fetch.bytes}.
 */
@Component
class PollMetrics {

	private final MeterRegistry meters;

	private final DistributionSummary fetchedBytes;

	PollMetrics(MeterRegistry meters) {
		this.meters = meters;
		this.fetchedBytes = DistributionSummary.builder("archive.poll.fetch.bytes")
			.description("Size of the feed bodies fetched (304 responses count as 0)")
			.baseUnit("bytes")
			.register(meters);
	}

	Timer.Sample start() {
		return Timer.start(this.meters);
	}

	void fetched(long bytes) {
		this.fetchedBytes.record(bytes);
	}

	void finished(Timer.Sample sample, PollRun.Outcome outcome, PollCounts counts) {
		sample.stop(Timer.builder("archive.poll.duration")
			.description("Time one poll of the feed took, fetch and storing included")
			.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
			.register(this.meters));
		count("new", counts.created());
		count("updated", counts.updated());
		count("unchanged", counts.unchanged());
		count("failed", counts.failed());
	}

	private void count(String result, int amount) {
		this.meters.counter("archive.poll.items", "result", result).increment(amount);
	}

}
