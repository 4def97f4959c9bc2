package ai.interconnects.archive.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The packaged application run as a process of its own for a benchmark (so that its heap
 * is its own, and wrk measures it from outside), against a given database, on a free port
 * of 127.0.0.1. Stopped by {@link #close}.
 */
final class BenchApp implements AutoCloseable {

	private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

	private final Process process;

	private final int port;

	private final Path log;

	private BenchApp(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the jar with {@code -Xmx} {@code heap}, the database at {@code jdbcUrl}
	 * (user postgres) and the given {@code --key=value} arguments, and waits until it
	 * answers.
	 */
	static BenchApp start(String jdbcUrl, String heap, Path workDir, List<String> arguments) throws Exception {
		Files.createDirectories(workDir);
		int port;
		try (var socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-jar", jar().toString(), "--server.port=" + port,
				"--server.address=127.0.0.1", "--spring.datasource.url=" + jdbcUrl,
				"--spring.datasource.username=postgres", "--spring.datasource.password=", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off"));
		command.addAll(arguments);
		var log = workDir.resolve("app-" + port + ".log");
		var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		var app = new BenchApp(process, port, log);
		try {
			app.waitUntilUp();
		}
		catch (Exception ex) {
			app.close();
			throw ex;
		}
		return app;
	}

	String base() {
		return "http://127.0.0.1:" + this.port;
	}

	long pid() {
		return this.process.pid();
	}

	/** The heap in use now, in MB, after a full collection when {@code collect}. */
	long heapUsedMb(boolean collect) throws Exception {
		if (collect) {
			run("jcmd", String.valueOf(pid()), "GC.run");
		}
		var matcher = HEAP_USED.matcher(run("jcmd", String.valueOf(pid()), "GC.heap_info"));
		return matcher.find() ? Long.parseLong(matcher.group(2)) / 1024 : -1;
	}

	private void waitUntilUp() throws Exception {
		var http = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("the app stopped; see " + this.log);
			}
			try {
				var response = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("the app did not answer within 5 minutes; see " + this.log);
	}

	static Path jar() throws IOException {
		try (var files = Files.list(Path.of("target"))) {
			return files.filter((p) -> p.getFileName().toString().matches("podcast-archive-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("package the app first: ./mvnw -B package -DskipTests"))
				.toAbsolutePath();
		}
	}

	static String run(String... command) throws Exception {
		var process = new ProcessBuilder(command).redirectErrorStream(true).start();
		var output = new String(process.getInputStream().readAllBytes());
		process.waitFor();
		return output;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

}
