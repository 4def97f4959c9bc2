package ai.interconnects.archive.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server, locked down and kept running.
 * <p>
 * <b>Access.</b> It listens on 127.0.0.1 only and has no Unix socket (so nothing in a
 * world-writable {@code /tmp}); every connection must give a password, checked with
 * SCRAM-SHA-256 ({@code pg_hba.conf} is rewritten at every start). The application and
 * Flyway connect as {@code archive}, a role without superuser rights that owns the
 * {@code public} schema and everything in it, so it cannot run {@code COPY … TO PROGRAM}
 * or read server files. The superuser {@code postgres} is only used at start-up, to
 * create or repair that role ({@link EmbeddedClusterLockdown}). Both passwords come from
 * {@link EmbeddedDbCredentials}. A data directory created by an earlier version (trust
 * authentication, everything owned by {@code postgres}) is converted on its first start
 * with this version.
 * <p>
 * <b>Supervision.</b> Every {@code archive.embedded-db.check-interval} a daemon thread
 * checks that the server process is alive; when it is gone (killed, crashed, stopped by
 * hand) it is started again on the same port, after the same stale-server checks as at
 * start-up, so the connection pool reconnects by itself. Until then the pages answer 503
 * (see {@link DatabaseUnavailableAdvice}).
 */
final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final String EPG_LOCK = "epg-lock";

	private final EmbeddedDbProperties properties;

	private final Path dataDir;

	private final EmbeddedDbCredentials credentials;

	private final ScheduledExecutorService supervisor;

	/** The running server process; null while it is down. */
	private volatile EmbeddedPostgresProcess process;

	private volatile int port;

	private volatile boolean closed;

	/** When the supervisor found the server gone; null while it runs. */
	private java.time.Instant downSince;

	private EmbeddedPostgresServer(EmbeddedDbProperties properties, Path dataDir, EmbeddedDbCredentials credentials) {
		this.properties = properties;
		this.dataDir = dataDir;
		this.credentials = credentials;
		this.supervisor = Executors.newSingleThreadScheduledExecutor((task) -> {
			var thread = new Thread(task, "embedded-postgres-supervisor");
			thread.setDaemon(true);
			return thread;
		});
	}

	static EmbeddedPostgresServer start(EmbeddedDbProperties properties) throws IOException {
		var dataDir = properties.dataDir().toAbsolutePath().normalize();
		Files.createDirectories(dataDir);
		StalePostmaster.stopIfRunning(dataDir, properties.startTimeout());
		var existing = EmbeddedDbCredentials.load(dataDir);
		var credentials = existing.orElseGet(EmbeddedDbCredentials::generate);
		if (existing.isEmpty()) {
			credentials.writePending(dataDir);
		}
		var server = new EmbeddedPostgresServer(properties, dataDir, credentials);
		log.info("Starting embedded PostgreSQL with its data in {} (set SPRING_DATASOURCE_URL to use another server)",
				dataDir);
		server.startServer(0);
		EmbeddedClusterLockdown.apply(server.jdbcUrl(), dataDir, credentials);
		credentials.store(dataDir);
		log.info("Embedded PostgreSQL is listening on 127.0.0.1:{}; the app connects as '{}' (passwords in {})",
				server.port, EmbeddedDbCredentials.APP_ROLE, EmbeddedDbCredentials.file(dataDir));
		long every = properties.checkInterval().toMillis();
		server.supervisor.scheduleWithFixedDelay(server::superviseOnce, every, every, TimeUnit.MILLISECONDS);
		return server;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
	}

	int port() {
		return this.port;
	}

	String appRole() {
		return EmbeddedDbCredentials.APP_ROLE;
	}

	String appPassword() {
		return this.credentials.appPassword();
	}

	/** The server's main process, while it runs. */
	Optional<ProcessHandle> postmaster() {
		return Optional.ofNullable(this.process).flatMap(EmbeddedPostgresProcess::postmaster);
	}

	private void startServer(int requestedPort) throws IOException {
		var started = EmbeddedPostgresProcess.start(this.properties, this.dataDir, this.credentials, requestedPort);
		this.process = started;
		this.port = started.port();
	}

	/** One check of the supervisor: restarts the server when its process is gone. */
	void superviseOnce() {
		if (this.closed) {
			return;
		}
		var postmaster = postmaster().orElse(null);
		if (postmaster != null && postmaster.isAlive()) {
			return;
		}
		try {
			restart(postmaster);
		}
		catch (Exception ex) {
			log.warn("Could not restart the embedded PostgreSQL in {} yet: {}; trying again in {}", this.dataDir,
					ex.getMessage(), this.properties.checkInterval());
		}
	}

	private synchronized void restart(ProcessHandle dead) throws IOException {
		if (this.closed) {
			return;
		}
		if (this.downSince == null) {
			this.downSince = java.time.Instant.now();
			log.error("The embedded PostgreSQL server (pid {}) in {} has stopped; restarting it on port {}",
					(dead != null) ? dead.pid() : "unknown", this.dataDir, this.port);
			stopProcess();
		}
		// As at start-up: a postmaster.pid naming a live server (say, one started by
		// hand) is stopped first.
		StalePostmaster.stopIfRunning(this.dataDir, this.properties.startTimeout());
		if (!portFree(this.port)) {
			throw new IOException("port " + this.port + " on 127.0.0.1 is in use by another program");
		}
		// The library locks this file for its lifetime; a start that failed half way
		// keeps that lock in this JVM until garbage collection. A new file has a new
		// lock.
		Files.deleteIfExists(this.dataDir.resolve(EPG_LOCK));
		startServer(this.port);
		log.warn("The embedded PostgreSQL server was restarted (pid {}, port {}) after {} s down",
				postmaster().map(ProcessHandle::pid).map(String::valueOf).orElse("unknown"), this.port,
				java.time.Duration.between(this.downSince, java.time.Instant.now()).toSeconds());
		this.downSince = null;
	}

	private static boolean portFree(int port) {
		try (var socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private void stopProcess() {
		var current = this.process;
		this.process = null;
		if (current != null) {
			current.close();
		}
	}

	@Override
	public synchronized void close() {
		this.closed = true;
		this.supervisor.shutdownNow();
		stopProcess();
	}

}
