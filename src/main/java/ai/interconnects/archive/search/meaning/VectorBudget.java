package ai.interconnects.archive.search.meaning;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The share of the JVM's heap the vectors may take
 * ({@code archive.meaning.max-heap-share}) and whether an archive's fit in it, judged
 * from its episodes' numbers of moments before any vector is read ({@link MeaningIndex}):
 * under {@code bin/archive}'s 512 MB heap the 2 M archive's vectors ran the JVM out of
 * memory at every start-up (BENCHMARKS.md, "Run M").
 */
final class VectorBudget {

	private final double share;

	private final LongSupplier maxHeap;

	VectorBudget(double share, LongSupplier maxHeap) {
		this.share = share;
		this.maxHeap = maxHeap;
	}

	/**
	 * Why the vectors of episodes with these numbers of moments do not fit, for people;
	 * null when they do.
	 */
	String refusal(int[] episodeMoments) {
		long moments = 0;
		long needed = 0;
		for (int each : episodeMoments) {
			moments += each;
			needed += VectorBlock.bytes(each);
		}
		long allowed = (long) (this.maxHeap.getAsLong() * this.share);
		if (needed <= allowed) {
			return null;
		}
		return String.format(Locale.ENGLISH,
				"The vectors of %,d moments need about %s of memory; this server gives them %s", moments, size(needed),
				size(allowed));
	}

	/** The share and the heap it is of, for the operator. */
	String describe() {
		return this.share + " of a " + size(this.maxHeap.getAsLong()) + " heap";
	}

	private static String size(long bytes) {
		if (bytes >= 1L << 30) {
			return String.format(Locale.ENGLISH, "%.1f GB", bytes / (double) (1L << 30));
		}
		return (bytes >= 1L << 20) ? String.format(Locale.ENGLISH, "%,d MB", bytes >> 20)
				: String.format(Locale.ENGLISH, "%,d kB", bytes >> 10);
	}

}
