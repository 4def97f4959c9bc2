package ai.interconnects.archive.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Latency under load with wrk (Debian package {@code wrk}), which must be installed: its
 * {@code --latency} table has no 95th percentile, so a small Lua {@code done} hook prints
 * p50, p95 and p99 from wrk's own HDR histogram, with the requests and the errors.
 */
final class Wrk {

	private static final String SCRIPT = """
			done = function(summary, latency, requests)
			  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
			    + summary.errors.status + summary.errors.timeout
			  io.write(string.format("BENCH p50=%.3f p95=%.3f p99=%.3f requests=%d errors=%d\\n",
			    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
			    summary.requests, errors))
			end
			""";

	private static final Pattern RESULT = Pattern
		.compile("BENCH p50=([\\d.]+) p95=([\\d.]+) p99=([\\d.]+) requests=(\\d+) errors=(\\d+)");

	/** One measurement: milliseconds, and the requests made and failed. */
	record Latency(double p50, double p95, double p99, long requests, long errors) {
	}

	private Wrk() {
	}

	/**
	 * {@code wrk -t2 -c<connections> -d<duration>} on {@code url}, gzip accepted as a
	 * browser does.
	 */
	static Latency measure(String url, int connections, String duration) throws Exception {
		var script = Files.createTempFile("bench-wrk", ".lua");
		try {
			Files.writeString(script, SCRIPT);
			var output = BenchApp.run("wrk", "-t2", "-c" + connections, "-d" + duration, "-s", script.toString(), "-H",
					"Accept-Encoding: gzip", url);
			var matcher = RESULT.matcher(output);
			if (!matcher.find()) {
				throw new IllegalStateException("wrk gave no result for " + url + ":\n" + output);
			}
			return new Latency(Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)),
					Double.parseDouble(matcher.group(3)), Long.parseLong(matcher.group(4)),
					Long.parseLong(matcher.group(5)));
		}
		finally {
			Files.deleteIfExists(script);
		}
	}

	static void requireInstalled() throws Exception {
		if (!Files.isExecutable(Path.of("/usr/bin/wrk"))) {
			throw new IllegalStateException("wrk is not installed (apt-get install wrk)");
		}
	}

}
