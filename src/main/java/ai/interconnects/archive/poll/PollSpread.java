package ai.interconnects.archive.poll;

import java.time.Duration;
import java.time.Instant;

import ai.interconnects.archive.show.LibraryEntry;
import ai.interconnects.archive.show.Podcast;

/**
 * When a show is polled next after a success, so that the shows of a library do not all
 * come due together. A library added at once (an OPML file of 200 shows) is polled in one
 * burst, bounded by {@link PollQueue}; were each next poll simply one interval later, the
 * burst would repeat every interval for ever.
 * <p>
 * Each show has a phase in the interval (a hash of its id, so phases are spread evenly
 * whatever the ids), and each next poll is one interval later moved toward that phase by
 * at most {@code slack} of the interval. Polls stay within ±10 % of the interval, and
 * within a few intervals every show polls at its own phase: 200 shows every 30 minutes
 * start about one every 9 seconds instead of all in the same minute.
 */
final class PollSpread {

	static final double SLACK = 0.1;

	private PollSpread() {
	}

	/** The next poll of show {@code id} after one that ended at {@code now}. */
	static Instant next(long id, Instant now, Duration interval) {
		long period = interval.toMillis();
		if (period < 10) {
			return now.plus(interval);
		}
		long base = now.toEpochMilli() + period;
		long phase = Math.floorMod(mix(id), period);
		long offset = phase - Math.floorMod(base, period);
		// the shorter way round the circle
		if (offset > period / 2) {
			offset -= period;
		}
		else if (offset < -period / 2) {
			offset += period;
		}
		long limit = (long) (period * SLACK);
		offset = Math.max(-limit, Math.min(limit, offset));
		return Instant.ofEpochMilli(base + offset);
	}

	/**
	 * The time from a success at {@code now} to the next poll of {@code podcast}: the
	 * configured show keeps its exact interval (an archive of one show has nothing to
	 * spread), the shows of the library move toward their phases.
	 */
	static Duration after(Podcast podcast, Instant now, Duration interval) {
		if (podcast.entry().origin() == LibraryEntry.Origin.CONFIG || podcast.getId() == null) {
			return interval;
		}
		// from now to the millisecond, as next() counts
		return Duration.between(Instant.ofEpochMilli(now.toEpochMilli()), next(podcast.getId(), now, interval));
	}

	/** The show's phase in the interval, for tests and the admin page. */
	static long phase(long id, Duration interval) {
		return Math.floorMod(mix(id), interval.toMillis());
	}

	/** SplitMix64's finalizer: consecutive ids land far apart. */
	private static long mix(long value) {
		long z = value + 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
