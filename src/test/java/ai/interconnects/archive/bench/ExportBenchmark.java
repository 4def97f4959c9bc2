package ai.interconnects.archive.bench;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Export benchmark (not part of {@code ./mvnw verify}; BENCHMARKS.md "Export"): streams
 * {@code /export.jsonl.gz} from the 2 M-segment benchmark archive that
 * {@link SearchBenchmark} generates in {@code target/bench-pg}, with the packaged app
 * started as its own process with {@code -Xmx256m} and a GC log. Records the time, the
 * size, the lines, and the heap during the export: from the GC log, the largest heap
 * occupancy before a collection (the peak between collections) and after one (what the
 * export kept reachable); and the largest "used" of {@code jcmd GC.heap_info} sampled
 * every 250 ms.
 */
public final class ExportBenchmark {

	private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

	private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

	private ExportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		var dataDir = Path.of(System.getProperty("bench.data-dir", "target/bench-pg")).toAbsolutePath();
		var out = Files.createDirectories(Path.of("target/export-bench")).toAbsolutePath();
		var jar = findJar();
		try (var postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setPGStartupWait(Duration.ofMinutes(2))
			.setServerConfig("shared_buffers", "1GB")
			.start()) {
			var url = postgres.getJdbcUrl("postgres", "bench_2m");
			long segments;
			try (var connection = DriverManager.getConnection(url, "postgres", "");
					var rs = connection.createStatement()
						.executeQuery("select (select count(*) from transcript_segment), "
								+ "(select count(*) from pg_tables where tablename = 'bench_loaded')")) {
				rs.next();
				if (rs.getInt(2) != 1) {
					throw new IllegalStateException("bench_2m is not loaded: run "
							+ "./mvnw -B -Pbench test-compile exec:exec -Dbench.load-only=true first");
				}
				segments = rs.getLong(1);
			}
			int port;
			try (var socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			var gcLog = out.resolve("gc.log");
			Files.deleteIfExists(gcLog);
			var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
					"-Xlog:gc:file=" + gcLog, "-jar", jar.toString(), "--server.port=" + port,
					"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
					"--spring.datasource.password=", "--archive.poll.enabled=false");
			var app = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(out.resolve("app.log").toFile())
				.start();
			try {
				var http = HttpClient.newHttpClient();
				var base = "http://127.0.0.1:" + port;
				waitUntilUp(http, base, app);
				run("jcmd", String.valueOf(app.pid()), "GC.run");
				long baseline = heapUsedKb(app.pid());
				var peakSampled = new AtomicLong(baseline);
				var sampler = new Thread(() -> {
					while (!Thread.currentThread().isInterrupted()) {
						try {
							peakSampled.accumulateAndGet(heapUsedKb(app.pid()), Math::max);
							Thread.sleep(250);
						}
						catch (InterruptedException ex) {
							return;
						}
						catch (Exception ex) {
							// the sample is skipped
						}
					}
				});
				sampler.setDaemon(true);
				sampler.start();
				int gcLinesBefore = Files.readAllLines(gcLog).size();
				long started = System.nanoTime();
				var response = http.send(HttpRequest.newBuilder(URI.create(base + "/export.jsonl.gz")).build(),
						HttpResponse.BodyHandlers.ofInputStream());
				var counted = new CountingStream(response.body());
				long lines = 0;
				try (var gunzip = new GZIPInputStream(counted, 64 * 1024)) {
					var buffer = new byte[64 * 1024];
					int n;
					long uncompressed = 0;
					while ((n = gunzip.read(buffer)) > 0) {
						uncompressed += n;
						for (int i = 0; i < n; i++) {
							if (buffer[i] == '\n') {
								lines++;
							}
						}
					}
					long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
					sampler.interrupt();
					sampler.join();
					long[] gc = gcPeaksMb(gcLog, gcLinesBefore);
					var report = """
							| archive | status | episodes (lines) | segments | gzip size | uncompressed | time | -Xmx | GCs during export | peak heap before a GC | peak live after a GC | peak heap used (jcmd, 250 ms) | heap before (after a full GC) | load avg |
							|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
							| bench_2m | %d | %,d | %,d | %.1f MB | %.1f MB | %.1f s | 256 MB | %d | %d MB | %d MB | %d MB | %d MB | %.2f |
							"""
						.formatted(response.statusCode(), lines, segments, counted.count / 1e6, uncompressed / 1e6,
								millis / 1000.0, gc[0], gc[1], gc[2], peakSampled.get() / 1024, baseline / 1024,
								java.lang.management.ManagementFactory.getOperatingSystemMXBean()
									.getSystemLoadAverage());
					System.out.println(report);
					Files.writeString(out.resolve("results.md"), report);
				}
			}
			finally {
				app.destroy();
				app.waitFor();
			}
		}
	}

	private static Path findJar() throws IOException {
		try (var files = Files.list(Path.of("target"))) {
			return files.filter((p) -> p.getFileName().toString().matches("podcast-archive-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("package the app first: ./mvnw -B package -DskipTests"))
				.toAbsolutePath();
		}
	}

	private static void waitUntilUp(HttpClient http, String base, Process app) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline) {
			if (!app.isAlive()) {
				throw new IllegalStateException("the app stopped; see target/export-bench/app.log");
			}
			try {
				var response = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not up yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("the app did not start in 3 minutes");
	}

	private static long heapUsedKb(long pid) throws Exception {
		var matcher = HEAP_USED.matcher(run("jcmd", String.valueOf(pid), "GC.heap_info"));
		return matcher.find() ? Long.parseLong(matcher.group(2)) : 0;
	}

	/**
	 * Over the GC log lines written during the export: the number of pauses, the largest
	 * heap before one (the peak between collections) and the largest heap after one (what
	 * was still reachable).
	 */
	private static long[] gcPeaksMb(Path gcLog, int skipLines) throws IOException {
		long pauses = 0;
		long before = 0;
		long after = 0;
		var lines = Files.readAllLines(gcLog);
		for (var line : lines.subList(skipLines, lines.size())) {
			var matcher = GC_LINE.matcher(line);
			if (matcher.find()) {
				pauses++;
				before = Math.max(before, Long.parseLong(matcher.group(1)));
				after = Math.max(after, Long.parseLong(matcher.group(2)));
			}
		}
		return new long[] { pauses, before, after };
	}

	private static String run(String... command) throws Exception {
		var process = new ProcessBuilder(command).redirectErrorStream(true).start();
		var output = new String(process.getInputStream().readAllBytes());
		process.waitFor();
		return output;
	}

	private static final class CountingStream extends FilterInputStream {

		long count;

		CountingStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

	}

}
