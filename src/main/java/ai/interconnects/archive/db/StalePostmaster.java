package ai.interconnects.archive.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM killed with {@code kill -9} leaves its PostgreSQL server running, holding
 * {@code postmaster.pid} in the data directory, and a new server would refuse to start
 * there. This stops such a leftover server before the next start.
 */
final class StalePostmaster {

	private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

	private StalePostmaster() {
	}

	static void stopIfRunning(Path dataDir, Duration timeout) throws IOException {
		var pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		var pid = readPid(pidFile);
		var process = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			// PostgreSQL itself ignores a pid file whose process is gone: nothing
			// to stop.
			log.info("Found a postmaster.pid in {} from a server that is no longer running", dataDir);
			return;
		}
		var handle = process.get();
		var command = handle.info().command().orElse("");
		if (!command.isEmpty() && !command.contains("postgres")) {
			// The pid was reused by an unrelated process: the file is stale. Leave
			// that process alone and let PostgreSQL replace the file.
			log.warn("postmaster.pid in {} names pid {}, which is now '{}'; not touching it", dataDir, handle.pid(),
					command);
			return;
		}
		log.warn("A PostgreSQL server (pid {}) left behind by an earlier run still holds {}; stopping it", handle.pid(),
				dataDir);
		// SIGTERM: a "smart" shutdown, which completes at once as its clients are gone.
		handle.destroy();
		try {
			handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			log.warn("The stale PostgreSQL server did not stop in {}; killing it", timeout);
			handle.destroyForcibly();
			try {
				handle.onExit().get(10, TimeUnit.SECONDS);
			}
			catch (Exception ignored) {
				throw new IOException("Could not stop the PostgreSQL server (pid " + handle.pid() + ") that holds "
						+ dataDir + "; stop it by hand and start again");
			}
		}
	}

	private static Optional<Long> readPid(Path pidFile) {
		try {
			var lines = Files.readAllLines(pidFile);
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
