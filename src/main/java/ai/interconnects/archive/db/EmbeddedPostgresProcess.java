package ai.interconnects.archive.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the PostgreSQL server process on the archive's data directory, configured
 * for durability, loopback-only TCP and SCRAM passwords. {@link EmbeddedPostgresServer}
 * starts a new one whenever the previous one is gone.
 */
final class EmbeddedPostgresProcess implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresProcess.class);

	private final EmbeddedPostgres postgres;

	/** Null when {@code postmaster.pid} could not be read. */
	private final ProcessHandle postmaster;

	private EmbeddedPostgresProcess(EmbeddedPostgres postgres, ProcessHandle postmaster) {
		this.postgres = postgres;
		this.postmaster = postmaster;
	}

	/**
	 * Starts the server on {@code requestedPort} (0 for any free port). A data directory
	 * without a cluster gets a new one that asks for passwords from its first second on.
	 */
	static EmbeddedPostgresProcess start(EmbeddedDbProperties properties, Path dataDir,
			EmbeddedDbCredentials credentials, int requestedPort) throws IOException {
		boolean fresh = !Files.exists(dataDir.resolve("postgresql.conf"));
		var binaries = PrivateBinaries.in(properties.resolvedBinariesDir());
		Path pwFile = null;
		try {
			var builder = binaries.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.setPGStartupWait(properties.startTimeout())
				.setPort(requestedPort)
				// The library's defaults (-F, synchronous_commit=off) suit throwaway test
				// databases; this one is the archive, so it keeps PostgreSQL's
				// durability.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("listen_addresses", "127.0.0.1")
				// no Unix socket at all: the default one is in a world-writable /tmp
				.setServerConfig("unix_socket_directories", "''")
				.setServerConfig("password_encryption", "scram-sha-256")
				// the library's own readiness check connects as the superuser
				.setConnectConfig("password", credentials.superuserPassword());
			if (fresh) {
				// A new cluster asks for passwords from its first second on.
				pwFile = credentials.superuserPasswordFile(dataDir.getParent());
				builder.setLocaleConfig("auth-host", "scram-sha-256")
					.setLocaleConfig("auth-local", "scram-sha-256")
					.setLocaleConfig("pwfile", pwFile.toString());
			}
			var started = builder.start();
			return new EmbeddedPostgresProcess(started, readPostmaster(dataDir).orElse(null));
		}
		finally {
			binaries.closeUp();
			if (pwFile != null) {
				Files.deleteIfExists(pwFile);
			}
		}
	}

	int port() {
		return this.postgres.getPort();
	}

	/** The server's main process, when its pid could be read. */
	Optional<ProcessHandle> postmaster() {
		return Optional.ofNullable(this.postmaster);
	}

	private static Optional<ProcessHandle> readPostmaster(Path dataDir) {
		try {
			var lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
			return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** Stops the server if it still runs; never throws. */
	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Closing the stopped embedded PostgreSQL: {}", ex.getMessage());
		}
	}

}
