package ai.interconnects.archive.db;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import ai.interconnects.archive.PodcastArchiveApplication;
import ai.interconnects.archive.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The embedded PostgreSQL is locked down (passwords, loopback only, no superuser for the
 * app), converts a data directory from older versions, and is restarted when it dies.
 */
class EmbeddedDatabaseSecurityTests {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path dataDir;

	@Test
	void nobodyConnectsWithoutThePasswordAndTheAppRoleCannotRunPrograms() throws Exception {
		try (var context = start(WebApplicationType.NONE)) {
			var server = context.getBean(EmbeddedPostgresServer.class);
			assertRefusedWithoutPassword(server.port());

			var jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("archive");
			assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user")
				.query(Boolean.class)
				.single()).isFalse();
			assertThat(jdbc.sql("select tableowner from pg_tables where tablename = 'episode'")
				.query(String.class)
				.single()).isEqualTo("archive");
			assertThatExceptionOfType(Exception.class).isThrownBy(
					() -> jdbc.sql("copy (select 1) to program 'id > " + this.dataDir.resolve("pwned") + "'").update())
				.withStackTraceContaining("permission denied");
			assertThat(this.dataDir.resolve("pwned")).doesNotExist();
			assertThat(jdbc.sql("show listen_addresses").query(String.class).single()).isEqualTo("127.0.0.1");

			var passwords = this.dataDir.resolve(EmbeddedDbCredentials.FILE_NAME);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords))).isEqualTo("rw-------");
			// the libpq password file works for a client that reads it
			var line = Files.readAllLines(passwords).stream().filter((l) -> l.startsWith("*:*:*:archive:")).findFirst();
			assertThat(line).isPresent();
			try (var connection = connect(server.port(), "archive", line.get().substring("*:*:*:archive:".length()))) {
				assertThat(connection.isValid(2)).isTrue();
			}
			var superuser = Files.readAllLines(passwords)
				.stream()
				.filter((l) -> l.startsWith("*:*:*:postgres:"))
				.findFirst()
				.orElseThrow();
			try (var connection = connect(server.port(), "postgres", superuser.substring("*:*:*:postgres:".length()));
					var rs = connection.createStatement().executeQuery("show unix_socket_directories")) {
				rs.next();
				assertThat(rs.getString(1)).isEmpty();
			}
			// the configuration files agree with the running server: no "contains errors"
			// at
			// the start's reload
			try (var connection = connect(server.port(), "postgres", superuser.substring("*:*:*:postgres:".length()));
					var rs = connection.createStatement()
						.executeQuery("select coalesce(string_agg(name || ': ' || error, '; '), '') "
								+ "from pg_file_settings where error is not null")) {
				rs.next();
				assertThat(rs.getString(1)).isEmpty();
			}
		}
	}

	@Test
	void aDataDirectoryFromAnOlderVersionIsLockedDownAndKeepsItsData() throws Exception {
		// what earlier versions left: trust authentication, everything owned by postgres
		try (var old = PrivateBinaries.in(TestDatabase.BINARIES)
			.builder()
			.setDataDirectory(this.dataDir)
			.setCleanDataDirectory(false)
			.start()) {
			Flyway.configure()
				.dataSource(old.getPostgresDatabase())
				.locations("classpath:db/migration")
				.target("3")
				.load()
				.migrate();
			try (var connection = old.getPostgresDatabase().getConnection();
					var statement = connection.createStatement()) {
				statement.execute("insert into podcast (configured_url, feed_url) values ('kept', 'kept')");
			}
		}
		assertThat(this.dataDir.resolve(EmbeddedDbCredentials.FILE_NAME)).doesNotExist();

		try (var context = start(WebApplicationType.NONE)) {
			var server = context.getBean(EmbeddedPostgresServer.class);
			assertRefusedWithoutPassword(server.port());
			var jdbc = context.getBean(JdbcClient.class);
			assertThat(
					jdbc.sql("select count(*) from podcast where configured_url = 'kept'").query(Long.class).single())
				.isOne();
			assertThat(
					jdbc.sql("select count(*) from pg_tables where schemaname = 'public' and tableowner <> 'archive'")
						.query(Long.class)
						.single())
				.isZero();
			// the app role can use what it now owns: a refresh needs ownership
			jdbc.sql("refresh materialized view search_vocabulary").update();
			assertThat(jdbc.sql("select max(version) from flyway_schema_history").query(String.class).single())
				.isNotEqualTo("3");
		}
		assertThat(this.dataDir.resolve(EmbeddedDbCredentials.FILE_NAME)).exists();
	}

	@Test
	void aKilledServerGivesQuick503sAndIsRestartedWithItsData() throws Exception {
		try (var context = start(WebApplicationType.SERVLET, "--server.port=0",
				"--archive.embedded-db.check-interval=3s")) {
			var server = context.getBean(EmbeddedPostgresServer.class);
			var jdbc = context.getBean(JdbcClient.class);
			jdbc.sql("insert into podcast (configured_url, feed_url) values ('kept', 'kept')").update();
			var base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
			assertThat(get(base + "/").statusCode()).isEqualTo(200);

			// Kill the server and keep its port busy, so that the supervisor cannot bring
			// it
			// back before the outage has been seen.
			try (var squatter = new java.net.ServerSocket()) {
				for (int attempt = 0; !squatter.isBound(); attempt++) {
					assertThat(attempt).isLessThan(5);
					var postmaster = waitForPostmaster(server);
					postmaster.destroyForcibly();
					postmaster.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
					// the server's other processes let go of the port a moment later
					long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
					while (!squatter.isBound() && System.nanoTime() < until) {
						try {
							squatter.bind(new java.net.InetSocketAddress("127.0.0.1", server.port()));
						}
						catch (java.io.IOException ex) {
							Thread.sleep(20);
						}
					}
				}
				// the README's promise: a 503 after one wait for a connection (3 s), not
				// one wait per query the page would have made
				long started = System.nanoTime();
				var page = get(base + "/");
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
				assertThat(page.statusCode()).isEqualTo(503);
				assertThat(page.headers().firstValue("Retry-After"))
					.hasValue(DatabaseUnavailableAdvice.RETRY_AFTER_SECONDS);
				assertThat(page.body()).contains("temporarily unavailable");
				var health = get(base + "/actuator/health");
				assertThat(health.statusCode()).isEqualTo(503);
				assertThat(health.body()).contains("\"DOWN\"");
				assertThat(get(base + "/actuator/health/readiness").statusCode()).isEqualTo(503);
			}

			// port free again: the supervisor restarts the server within a few checks
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			int status = 0;
			while (System.nanoTime() < deadline && status != 200) {
				Thread.sleep(500);
				status = get(base + "/").statusCode();
			}
			assertThat(status).isEqualTo(200);
			assertThat(get(base + "/actuator/health").statusCode()).isEqualTo(200);
			assertThat(
					jdbc.sql("select count(*) from podcast where configured_url = 'kept'").query(Long.class).single())
				.isOne();
		}
	}

	private static ProcessHandle waitForPostmaster(EmbeddedPostgresServer server) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (server.postmaster().isEmpty() && System.nanoTime() < until) {
			Thread.sleep(100);
		}
		return server.postmaster().orElseThrow();
	}

	private static void assertRefusedWithoutPassword(int port) {
		for (var user : new String[] { "postgres", "archive" }) {
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connect(port, user, null).close())
				.satisfies((ex) -> assertThat(ex.getSQLState()).isIn("28P01", "28000", "08004"));
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connect(port, user, "postgres").close())
				.satisfies((ex) -> assertThat(ex.getSQLState()).isIn("28P01", "28000"));
		}
	}

	private static java.sql.Connection connect(int port, String user, String password) throws SQLException {
		var props = new Properties();
		props.setProperty("user", user);
		if (password != null) {
			props.setProperty("password", password);
		}
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", props);
	}

	private static HttpResponse<String> get(String url) throws Exception {
		return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private ConfigurableApplicationContext start(WebApplicationType type, String... more) {
		var args = new java.util.ArrayList<>(java.util.List.of("--archive.embedded-db.data-dir=" + this.dataDir,
				"--archive.embedded-db.binaries-dir=" + TestDatabase.BINARIES.toAbsolutePath(),
				"--archive.poll.enabled=false", "--archive.feed.url=file:/nonexistent/feed.xml",
				"--spring.main.banner-mode=off"));
		args.addAll(java.util.List.of(more));
		return new SpringApplicationBuilder(PodcastArchiveApplication.class).web(type).run(args.toArray(String[]::new));
	}

}
