package ai.interconnects.archive.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

/**
 * Library benchmark (not part of {@code ./mvnw verify}; BENCHMARKS.md "Library"): run
 * with {@code ./mvnw -B -Pbench test-compile exec:exec
 * -Dbench.main=ai.interconnects.archive.bench.LibraryBenchmark}.
 * <p>
 * Generates, once, a library of {@value #SHOWS} shows × {@value #EPISODES} episodes ×
 * {@value #SEGMENTS} segments (2 M segments) in the database {@code library_2m} of the
 * benchmark PostgreSQL in {@code target/bench-pg} (shared with {@link SearchBenchmark},
 * kept between runs); {@code -Dbench.load-only=true} stops there.
 */
public final class LibraryBenchmark {

	static final int SHOWS = 200;

	static final int EPISODES = 25;

	static final int SEGMENTS = 400;

	static final String DATABASE = "library_2m";

	private LibraryBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		var dataDir = Path.of(System.getProperty("bench.data-dir", "target/bench-pg")).toAbsolutePath();
		Files.createDirectories(dataDir);
		try (var postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setPGStartupWait(Duration.ofMinutes(2))
			.setServerConfig("shared_buffers", "1GB")
			.setServerConfig("work_mem", "16MB")
			.setServerConfig("max_wal_size", "8GB")
			.setServerConfig("checkpoint_timeout", "30min")
			.start()) {
			var feed = LibraryBenchmark.class.getResourceAsStream("/feeds/interconnects-feed.xml").readAllBytes();
			prepare(postgres, feed);
			if (Boolean.getBoolean("bench.load-only")) {
				return;
			}
			throw new IllegalStateException("Only -Dbench.load-only=true is available until the library's pages, "
					+ "search and poller exist (issue 24, phase B)");
		}
	}

	static void prepare(EmbeddedPostgres postgres, byte[] feed) throws Exception {
		try (var admin = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
				var rs = admin.createStatement()
					.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
			if (!rs.next()) {
				admin.createStatement().execute("create database " + DATABASE);
			}
		}
		var url = postgres.getJdbcUrl("postgres", DATABASE);
		try (var connection = DriverManager.getConnection(url, "postgres", "");
				var rs = connection.createStatement()
					.executeQuery("select count(*) from pg_tables where tablename = 'bench_loaded'")) {
			rs.next();
			if (rs.getInt(1) == 1) {
				System.out.printf("%s: already loaded%n", DATABASE);
				return;
			}
		}
		// db/library holds V13 until the show owner of issue 19 lands; Flyway skips a
		// location that does not exist
		Flyway.configure()
			.dataSource(url, "postgres", "")
			.locations("classpath:db/migration", "classpath:db/library")
			.load()
			.migrate();
		long started = System.nanoTime();
		try (var connection = DriverManager.getConnection(url, "postgres", "")) {
			var words = new WordSampler(feed, 24);
			System.out.printf("%s: generating %d shows x %d episodes x %d segments%n", DATABASE, SHOWS, EPISODES,
					SEGMENTS);
			LibraryBenchData.load(connection, words, SHOWS, EPISODES, SEGMENTS);
		}
		System.out.printf("%s: loaded and indexed in %d s%n", DATABASE,
				Duration.ofNanos(System.nanoTime() - started).toSeconds());
	}

}
