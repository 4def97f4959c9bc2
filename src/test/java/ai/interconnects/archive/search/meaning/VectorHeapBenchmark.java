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
 * times nearest-moment queries over it from this one thread (the scan's pool thread
 * helping, as in the app), and compares each answer with the exact one, every admitted
 * moment scored: recall@10 and recall@k ({@code bench.k}, default 200, the fusion's
 * number of moments by meaning), and the exact scan's own time. Run with
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
		int k = Integer.getInteger("bench.k", 200);
		for (var filter : filters) {
			var nanos = new long[25];
			var exactNanos = new long[nanos.length];
			double recall10 = 0;
			double recallK = 0;
			for (int r = -5; r < nanos.length; r++) {
				var query = new VectorBlock.Query(BenchVectors.around(real, random));
				long t = System.nanoTime();
				var found = index.nearest(query, filter, k);
				if (r >= 0) {
					nanos[r] = System.nanoTime() - t;
					t = System.nanoTime();
					var exact = index.exact(query, filter, k);
					exactNanos[r] = System.nanoTime() - t;
					var kept = new java.util.HashSet<String>();
					found.forEach((hit) -> kept.add(hit.block().episodeId + ":" + hit.index()));
					int hits10 = 0;
					int hitsK = 0;
					for (int i = 0; i < exact.size(); i++) {
						boolean hit = kept.contains(exact.get(i).block().episodeId + ":" + exact.get(i).index());
						hits10 += (hit && i < 10) ? 1 : 0;
						hitsK += hit ? 1 : 0;
					}
					recall10 += hits10 / 10.0;
					recallK += hitsK / (double) exact.size();
				}
			}
			Arrays.sort(nanos);
			Arrays.sort(exactNanos);
			System.out.printf(
					"nearest %d moments (%s): p50 %.1f ms, p95 %.1f ms over %d queries; recall@10 %.3f, recall@%d %.3f "
							+ "against scoring every moment (p50 %.1f ms); load avg %s%n",
					k, (filter.speaker() == null) ? "whole archive" : "speaker " + filter.speaker(),
					nanos[nanos.length / 2] / 1e6, nanos[(int) Math.ceil(0.95 * nanos.length) - 1] / 1e6, nanos.length,
					recall10 / nanos.length, k, recallK / nanos.length, exactNanos[nanos.length / 2] / 1e6,
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
