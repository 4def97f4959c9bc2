package ai.interconnects.archive.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;

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
 * kept between runs); {@code -Dbench.load-only=true} stops there. Then, with the packaged
 * app ({@code ./mvnw -B package -DskipTests} first) as a process of its own:
 * {@link LibraryPagesRun} with wrk ({@code -Dbench.duration=15s} each), with the
 * rendered-page cache on and off; {@link LibrarySearchRun} with Lucene as the anchor; and
 * {@link PollCycleRun} ({@code -Dbench.poll=false} skips it). Figures to
 * target/library-bench-results.md.
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
			Wrk.requireInstalled();
			var url = postgres.getJdbcUrl("postgres", DATABASE);
			var work = Path.of("target/library-bench").toAbsolutePath();
			var duration = System.getProperty("bench.duration", "15s");
			var pages = new java.util.ArrayList<LibraryPagesRun.Line>();
			for (boolean cache : new boolean[] { true, false }) {
				try (var app = BenchApp.start(url, "1g", work,
						List.of("--archive.poll.enabled=false", "--archive.pages.cache.enabled=" + cache))) {
					pages.addAll(LibraryPagesRun.measure(app.base(), cache, duration));
				}
			}
			List<LibrarySearchRun.Line> search;
			String data;
			try (var connection = DriverManager.getConnection(url, "postgres", "");
					var lucene = LuceneAnchor.open(dataDir.resolveSibling("bench-lucene").resolve(DATABASE),
							connection);
					var app = BenchApp.start(url, "1g", work,
							List.of("--archive.poll.enabled=false", "--archive.pages.cache.enabled=false"))) {
				search = LibrarySearchRun.measure(app.base(), LibrarySearchRun.queries(connection, lucene), lucene,
						"/shows/bench-show-7/episodes/episode-12");
				try (var rs = connection.createStatement().executeQuery("select phases from bench_loaded")) {
					rs.next();
					data = rs.getString(1);
				}
			}
			var poll = Boolean.parseBoolean(System.getProperty("bench.poll", "true"))
					? PollCycleRun.measure(postgres, new WordSampler(feed, 7), work.resolve("poll"),
							Integer.getInteger("bench.max-concurrent", 4), Integer.getInteger("bench.max-per-host", 2))
					: null;
			LibraryBenchReport.write(pages, search, poll, data);
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
