package ai.interconnects.archive.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The library benchmark's figures as Markdown, to target/library-bench-results.md and
 * stdout.
 */
final class LibraryBenchReport {

	private LibraryBenchReport() {
	}

	static void write(List<LibraryPagesRun.Line> pages, List<LibrarySearchRun.Line> search, PollCycleRun.Result poll,
			String data) throws Exception {
		var out = new StringBuilder("Data: ").append(data).append("\n\n");
		out.append("| page | path | page cache | connections | p50 | p95 | p99 | requests | errors | load avg |\n");
		out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
		for (var line : pages) {
			out.append(String.format("| %s | `%s` | %s | %d | %.1f ms | %.1f ms | %.1f ms | %,d | %d | %s |%n",
					line.page(), line.path(), line.cache() ? "on" : "off", line.connections(), line.latency().p50(),
					line.latency().p95(), line.latency().p99(), line.latency().requests(), line.latency().errors(),
					line.load()));
		}
		out.append("\n| query | request | /search p50 | p95 | episode page p95 (same minute) | p95 / episode p95 "
				+ "| target met | Lucene p50 | p95 | load avg |\n");
		out.append("|---|---|---:|---:|---:|---:|---|---:|---:|---:|\n");
		for (var line : search) {
			out.append(
					String.format("| %s | `%s` | %.1f ms | %.1f ms | %.1f ms | %.2f | %s | %.2f ms | %.2f ms | %s |%n",
							line.query().label(), line.query().query(), line.search().p50(), line.search().p95(),
							line.episodeP95(), line.ratio(), (line.ratio() <= 2) ? "yes" : "no", line.lucene().p50(),
							line.lucene().p95(), line.load()));
		}
		if (poll != null) {
			out.append(String.format(
					"%nPoll cycle: %d shows on %d loopback hosts, `archive.poll.max-concurrent=%d`, "
							+ "`max-per-host=%d`: %d s from start-up until every show had a finished poll "
							+ "(%d s from the first poll's start to the last one's end); most requests in flight at "
							+ "once per host (server side) %s; %,d requests; heap after a full GC %d MB; runs: %s; "
							+ "load avg %s.%n",
					poll.shows(), poll.mostInFlightPerHost().length, poll.maxConcurrent(), poll.maxPerHost(),
					poll.wallTime().toSeconds(), poll.cycle().toSeconds(), Arrays.toString(poll.mostInFlightPerHost()),
					poll.requests(), poll.heapMb(), poll.outcomes(), poll.load()));
		}
		System.out.println(out);
		Files.writeString(Path.of("target/library-bench-results.md"), out);
	}

}
