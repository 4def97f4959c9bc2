package ai.interconnects.archive.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
 * create or repair that role. Both passwords come from {@link EmbeddedDbCredentials}. A
 * data directory created by an earlier version (trust authentication, everything owned by
 * {@code postgres}) is converted on its first start with this version.
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

	private volatile EmbeddedPostgres postgres;

	private volatile ProcessHandle postmaster;

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
		server.secure();
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
		return Optional.ofNullable(this.postmaster);
	}

	private void startServer(int requestedPort) throws IOException {
		boolean fresh = !Files.exists(this.dataDir.resolve("postgresql.conf"));
		Path pwFile = null;
		try {
			var builder = EmbeddedPostgres.builder()
				.setDataDirectory(this.dataDir)
				.setCleanDataDirectory(false)
				.setPGStartupWait(this.properties.startTimeout())
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
				.setConnectConfig("password", this.credentials.superuserPassword());
			if (fresh) {
				// A new cluster asks for passwords from its first second on.
				pwFile = this.credentials.superuserPasswordFile(this.dataDir.getParent());
				builder.setLocaleConfig("auth-host", "scram-sha-256")
					.setLocaleConfig("auth-local", "scram-sha-256")
					.setLocaleConfig("pwfile", pwFile.toString());
			}
			var started = builder.start();
			this.postgres = started;
			this.port = started.getPort();
			this.postmaster = readPostmaster().orElse(null);
		}
		finally {
			if (pwFile != null) {
				Files.deleteIfExists(pwFile);
			}
		}
	}

	/**
	 * Makes the cluster what this class promises, whatever state it was left in:
	 * passwords set, the application's role and its ownership of the schema, and
	 * password-only authentication. Every statement is idempotent.
	 */
	private void secure() throws IOException {
		try (var connection = connect(EmbeddedDbCredentials.SUPERUSER, this.credentials.superuserPassword());
				var statement = connection.createStatement()) {
			var app = EmbeddedDbCredentials.APP_ROLE;
			// The passwords are generated from [A-Za-z0-9_-] and checked when read, so
			// they are safe in a literal (ALTER ROLE takes no parameters).
			statement.execute("alter role " + EmbeddedDbCredentials.SUPERUSER + " with password '"
					+ this.credentials.superuserPassword() + "'");
			statement.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + app
					+ "') then create role " + app + " login; end if; end $$");
			statement.execute("alter role " + app
					+ " with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '"
					+ this.credentials.appPassword() + "'");
			// CREATE on the database lets it create trusted extensions (pg_trgm).
			statement.execute("grant connect, create, temporary on database postgres to " + app);
			statement.execute("alter schema public owner to " + app);
			// Data directories from before this version: everything belongs to postgres.
			statement.execute(TRANSFER_OWNERSHIP.replace("APP", app));
			Files.writeString(this.dataDir.resolve("pg_hba.conf"), PG_HBA);
			try (var rs = statement.executeQuery("select pg_reload_conf()")) {
				rs.next();
			}
			try (var rs = statement
				.executeQuery("select count(*) from pg_hba_file_rules where error is not null or auth_method <> "
						+ "'scram-sha-256'")) {
				rs.next();
				if (rs.getLong(1) != 0) {
					throw new IOException(
							"The embedded PostgreSQL did not accept the new pg_hba.conf in " + this.dataDir);
				}
			}
		}
		catch (SQLException ex) {
			throw new IOException("Could not set up the embedded PostgreSQL's roles and authentication in "
					+ this.dataDir + " (" + ex.getMessage() + "). If " + EmbeddedDbCredentials.FILE_NAME
					+ " was deleted from it, restore it from a backup of the directory", ex);
		}
	}

	private Connection connect(String user, String password) throws SQLException {
		var props = new Properties();
		props.setProperty("user", user);
		props.setProperty("password", password);
		props.setProperty("connectTimeout", "10");
		return DriverManager.getConnection(jdbcUrl(), props);
	}

	/** One check of the supervisor: restarts the server when its process is gone. */
	void superviseOnce() {
		if (this.closed) {
			return;
		}
		var process = this.postmaster;
		if (process != null && process.isAlive()) {
			return;
		}
		try {
			restart(process);
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
			this.postmaster = null;
			closeQuietly();
		}
		// As at start-up: a postmaster.pid naming a live server (say, one started by
		// hand)
		// is stopped first.
		StalePostmaster.stopIfRunning(this.dataDir, this.properties.startTimeout());
		if (!portFree(this.port)) {
			throw new IOException("port " + this.port + " on 127.0.0.1 is in use by another program");
		}
		// The library locks this file for its lifetime; a start that failed half way
		// keeps
		// that lock in this JVM until garbage collection. A new file has a new lock.
		Files.deleteIfExists(this.dataDir.resolve(EPG_LOCK));
		startServer(this.port);
		log.warn("The embedded PostgreSQL server was restarted (pid {}, port {}) after {} s down",
				(this.postmaster != null) ? this.postmaster.pid() : "unknown", this.port,
				java.time.Duration.between(this.downSince, java.time.Instant.now()).toSeconds());
		this.downSince = null;
	}

	private Optional<ProcessHandle> readPostmaster() {
		try {
			var lines = Files.readAllLines(this.dataDir.resolve("postmaster.pid"));
			return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
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

	private void closeQuietly() {
		var current = this.postgres;
		this.postgres = null;
		if (current != null) {
			try {
				current.close();
			}
			catch (IOException | RuntimeException ex) {
				log.debug("Closing the stopped embedded PostgreSQL: {}", ex.getMessage());
			}
		}
	}

	@Override
	public synchronized void close() {
		this.closed = true;
		this.supervisor.shutdownNow();
		closeQuietly();
	}

	/** Only SCRAM passwords, only over TCP on loopback (there is no Unix socket). */
	private static final String PG_HBA = """
			# Written by the archive at every start of its embedded PostgreSQL (db/EmbeddedPostgresServer):
			# every connection needs a password, checked with SCRAM-SHA-256. Edits here are overwritten.
			# TYPE  DATABASE  USER  ADDRESS       METHOD
			host    all       all   127.0.0.1/32  scram-sha-256
			host    all       all   ::1/128       scram-sha-256
			""";

	/**
	 * Gives the application's role everything in {@code public} that another role owns
	 * (tables first: their sequences and indexes follow them), except extension objects.
	 */
	private static final String TRANSFER_OWNERSHIP = """
			do $$
			declare r record;
			begin
			  for r in select c.oid::regclass as name, c.relkind from pg_class c
			           where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
			             and c.relowner <> 'APP'::regrole
			             and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass
			                             and d.objid = c.oid and d.deptype = 'e') loop
			    execute format('alter %s %s owner to APP',
			      case r.relkind when 'v' then 'view' when 'm' then 'materialized view'
			                     when 'f' then 'foreign table' else 'table' end, r.name);
			  end loop;
			  for r in select c.oid::regclass as name from pg_class c
			           where c.relnamespace = 'public'::regnamespace and c.relkind = 'S'
			             and c.relowner <> 'APP'::regrole
			             and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass
			                             and d.objid = c.oid and d.deptype in ('e', 'a', 'i')) loop
			    execute format('alter sequence %s owner to APP', r.name);
			  end loop;
			  for r in select p.oid::regprocedure as name from pg_proc p
			           where p.pronamespace = 'public'::regnamespace and p.proowner <> 'APP'::regrole
			             and not exists (select from pg_depend d where d.classid = 'pg_proc'::regclass
			                             and d.objid = p.oid and d.deptype = 'e') loop
			    execute format('alter routine %s owner to APP', r.name);
			  end loop;
			  for r in select t.oid::regtype as name from pg_type t
			           where t.typnamespace = 'public'::regnamespace and t.typtype in ('e', 'r')
			             and t.typowner <> 'APP'::regrole
			             and not exists (select from pg_depend d where d.classid = 'pg_type'::regclass
			                             and d.objid = t.oid and d.deptype in ('e', 'i')) loop
			    execute format('alter type %s owner to APP', r.name);
			  end loop;
			end $$""";

}
