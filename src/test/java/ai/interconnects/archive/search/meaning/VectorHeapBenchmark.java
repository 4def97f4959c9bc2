package ai.interconnects.archive.search.meaning;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Random;

/**
 * The vector index's heap at the benchmark's large size (BENCHMARKS.md, "Search by
 * meaning"): builds the app's {@link VectorIndex} over {@code bench.episodes} ×
 * {@code bench.moments} generated vectors ({@link BenchVectors}: real fixture vectors
 * plus noise; default 5,000 × 408 = 2,040,000, the 2 M archive's moments), measures the
 * heap in use before and after (after full collections, by {@code MemoryMXBean}), then
 * times archive-wide nearest-moment queries over it in this one thread. Run with
 * {@code ./mvnw -B -Pbench test-compile exec:exec -Dbench.main=ai.interconnects.archive.search.meaning.VectorHeapBenchmark}.
 */
public final class VectorHeapBenchmark {

	private VectorHeapBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int episodes = Integer.getInteger("bench.episodes", 5000);
		int perEpisode = Integer.getInteger("bench.moments", 408);
		var feed = VectorHeapBenchmark.class.getResourceAsStream("/feeds/interconnects-feed.xml").readAllBytes();
		var real = BenchVectors.real(feed, Path.of("target/bench-vectors/real.bin"));
		var random = new Random(7);
		String[] speakers = { "Nathan Lambert", "Dean Ball", "Ross Taylor", "Sebastian Raschka" };
		long before = heapAfterGc();
		var blocks = new ArrayList<VectorBlock>(episodes);
		long started = System.nanoTime();
		for (int e = 1; e <= episodes; e++) {
			var moments = new ArrayList<VectorBlock.Moment>(perEpisode);
			for (int i = 0; i < perEpisode; i++) {
				var kind = (i == 0) ? MomentKind.TITLE : (i < 6) ? MomentKind.CHAPTER : MomentKind.SEGMENT;
				int speaker = (kind == MomentKind.SEGMENT) ? SpeakerIds.of(speakers[i % speakers.length]) : -1;
				moments.add(new VectorBlock.Moment(kind, i, speaker, BenchVectors.around(real, random)));
			}
			blocks.add(new VectorBlock(e, e, 1_262_347_200L + e * 86_400L, moments));
		}
		var index = new VectorIndex(blocks);
		blocks = null;
		long built = System.nanoTime();
		long after = heapAfterGc();
		var memory = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		System.out
			.printf("vector index: %,d moments in %,d episodes, built in %d s; heap used %,d MB before, %,d MB after: "
					+ "%,d MB for the index (%.0f bytes a moment); the index's own estimate (VectorIndex.bytes) %,d MB; max heap %,d MB; load avg %s%n",
					index.moments(), index.episodes(), (built - started) / 1_000_000_000, before >> 20, after >> 20,
					(after - before) >> 20, (after - before) / (double) index.moments(), index.bytes() >> 20,
					memory.getMax() >> 20, loadAverage());
		var filters = new MeaningFilter[] { MeaningFilter.NONE, new MeaningFilter(null, null, "Dean Ball") };
		for (var filter : filters) {
			var nanos = new long[25];
			for (int r = -5; r < nanos.length; r++) {
				var query = new VectorBlock.Query(BenchVectors.around(real, random));
				long t = System.nanoTime();
				index.nearest(query, filter, 50);
				if (r >= 0) {
					nanos[r] = System.nanoTime() - t;
				}
			}
			Arrays.sort(nanos);
			System.out.printf("nearest 50 moments (%s): p50 %.1f ms, p95 %.1f ms over %d queries; load avg %s%n",
					(filter.speaker() == null) ? "whole archive" : "speaker " + filter.speaker(),
					nanos[nanos.length / 2] / 1e6, nanos[(int) Math.ceil(0.95 * nanos.length) - 1] / 1e6, nanos.length,
					loadAverage());
		}
	}

	private static long heapAfterGc() throws InterruptedException {
		var bean = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			bean.gc();
			Thread.sleep(200);
		}
		return bean.getHeapMemoryUsage().getUsed();
	}

	private static String loadAverage() {
		try {
			return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (java.io.IOException ex) {
			return "?";
		}
	}

}
