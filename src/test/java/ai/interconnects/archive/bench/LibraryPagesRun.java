package ai.interconnects.archive.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The library's reading pages under load: the library home, a show's page, an episode
 * page and {@code /speakers}, each with wrk at 10 and 50 connections for
 * {@code duration}, against an app started with the rendered-page cache on or off.
 */
final class LibraryPagesRun {

	static final List<String[]> PAGES = List.of(new String[] { "library home", "/" },
			new String[] { "a show's page", "/shows/bench-show-7" },
			new String[] { "an episode page", "/shows/bench-show-7/episodes/episode-12" },
			new String[] { "/speakers", "/speakers" });

	static final int[] CONNECTIONS = { 10, 50 };

	/** One page at one concurrency. */
	record Line(String page, String path, boolean cache, int connections, Wrk.Latency latency, String load) {
	}

	private LibraryPagesRun() {
	}

	static List<Line> measure(String base, boolean cache, String duration) throws Exception {
		var lines = new ArrayList<Line>();
		for (var page : PAGES) {
			// warm the JIT, the caches and the connection pool first
			Wrk.measure(base + page[1], 10, "3s");
			for (int connections : CONNECTIONS) {
				var latency = Wrk.measure(base + page[1], connections, duration);
				var line = new Line(page[0], page[1], cache, connections, latency, BenchRun.loadAverage());
				System.out.printf("pages %-16s cache=%-5s c=%d p50=%.1f p95=%.1f p99=%.1f requests=%d errors=%d%n",
						page[0], cache, connections, latency.p50(), latency.p95(), latency.p99(), latency.requests(),
						latency.errors());
				lines.add(line);
			}
		}
		return lines;
	}

}
