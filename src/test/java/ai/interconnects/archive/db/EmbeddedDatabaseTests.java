package ai.interconnects.archive.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import ai.interconnects.archive.PodcastArchiveApplication;
import ai.interconnects.archive.support.ChildApp;
import ai.interconnects.archive.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default database: with no datasource configured the application runs its own
 * PostgreSQL in {@code archive.embedded-db.data-dir}, keeps the data across restarts, and
 * survives being killed with {@code kill -9}.
 */
class EmbeddedDatabaseTests {

	@TempDir
	Path dataDir;

	@Test
	void aRestartAfterKillMinusNineFindsTheDataAndStartsCleanly() throws Exception {
		var child = ChildApp.start(List.of(), null, "--archive.embedded-db.data-dir=" + this.dataDir,
				"--archive.embedded-db.binaries-dir=" + TestDatabase.BINARIES.toAbsolutePath(),
				"--archive.poll.enabled=false", "--spring.main.web-application-type=none",
				"--archive.feed.url=file:/nonexistent/feed.xml");
		try {
			assertThat(waitForLine(child, "Started PodcastArchiveApplication")).isTrue();
			// the child created the cluster and ran Flyway; now it dies without shutting
			// down
			assertThat(child.destroyForcibly().waitFor(30, TimeUnit.SECONDS)).isTrue();
			// 128 + 9: SIGKILL, so no shutdown hook stopped the embedded server
			assertThat(child.exitValue()).isEqualTo(137);
		}
		finally {
			child.destroyForcibly();
		}
		var pidFile = this.dataDir.resolve("postmaster.pid");
		assertThat(pidFile).exists();
		long stalePid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
		assertThat(ProcessHandle.of(stalePid).map(ProcessHandle::isAlive)).hasValue(true);

		try (var context = start()) {
			var jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
				.isPositive();
			jdbc.sql("insert into podcast (configured_url, feed_url) values ('kept', 'kept')").update();
		}
		assertThat(ProcessHandle.of(stalePid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

		try (var context = start()) {
			var jdbc = context.getBean(JdbcClient.class);
			assertThat(
					jdbc.sql("select count(*) from podcast where configured_url = 'kept'").query(Long.class).single())
				.isOne();
		}
		assertThat(pidFile).doesNotExist();
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(PodcastArchiveApplication.class)
			.web(org.springframework.boot.WebApplicationType.NONE)
			.run("--archive.embedded-db.data-dir=" + this.dataDir,
					"--archive.embedded-db.binaries-dir=" + TestDatabase.BINARIES.toAbsolutePath(),
					"--archive.poll.enabled=false", "--archive.feed.url=file:/nonexistent/feed.xml");
	}

	private static boolean waitForLine(Process process, String text) throws Exception {
		var found = CompletableFuture.supplyAsync(() -> {
			try (var reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					if (line.contains(text)) {
						return true;
					}
				}
				return false;
			}
			catch (IOException ex) {
				return false;
			}
		});
		// a whole application start on a busy machine (a hundred seconds and more when
		// several builds share two cores)
		return found.get(240, TimeUnit.SECONDS);
	}

}
