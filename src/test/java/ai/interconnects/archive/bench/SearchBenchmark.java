package ai.interconnects.archive.bench;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ai.interconnects.archive.search.meaning.BenchVectors;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Search benchmark (not part of {@code ./mvnw verify}): run with
 * {@code ./mvnw -B -Pbench test-compile exec:exec}. See BENCHMARKS.md.
 * <p>
 * Starts its own PostgreSQL in {@code target/bench-pg} (kept between runs, so the data is
 * generated once), builds two archives from the fixture feed's vocabulary (100 k and 2 M
 * transcript segments, one database each), then for each starts the application on a
 * random port against it and measures {@code /search} through HTTP, next to an
 * {@code ILIKE} baseline run over the same rows by direct JDBC.
 */
public final class SearchBenchmark {

	/**
	 * An archive to measure: {@code shows} above one makes it a library (issue 24), the
	 * episodes dealt to the shows in turn, so each show holds episodes of the whole time
	 * span.
	 */
	record Size(String database, int episodes, int segmentsPerEpisode, int shows) {

		long segments() {
			return (long) this.episodes * this.segmentsPerEpisode;
		}

		boolean library() {
			return this.shows > 1;
		}

		/** The show of generated episode {@code episode} (ids from 1). */
		int showOf(long episode) {
			return 1 + (int) ((episode - 1) % this.shows);
		}

		/** The path of generated episode {@code episode}'s page. */
		String episodePath(long episode) {
			var path = "/episodes/bench-episode-" + episode;
			return library() ? "/shows/bench-show-" + showOf(episode) + path : path;
		}

	}

	static final Size BENCH_2M = new Size("bench_2m", 5000, 400, 1);

	/**
	 * 200 shows x 25 episodes x 400 segments: the 2 M archive as a library (issue 24),
	 * made from a copy of {@code bench_2m}.
	 */
	static final Size LIBRARY_2M = new Size("bench_lib2m", 5000, 400, 200);

	static final List<Size> SIZES = List.of(new Size("bench_100k", 250, 400, 1), BENCH_2M, LIBRARY_2M);

	private SearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		var dataDir = Path.of(System.getProperty("bench.data-dir", "target/bench-pg")).toAbsolutePath();
		java.nio.file.Files.createDirectories(dataDir);
		try (var postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setPGStartupWait(Duration.ofMinutes(2))
			.setServerConfig("shared_buffers", "1GB")
			.setServerConfig("work_mem", "16MB")
			.setServerConfig("max_wal_size", "8GB")
			.setServerConfig("checkpoint_timeout", "30min")
			.start()) {
			var only = System.getProperty("bench.sizes", "");
			var sizes = SIZES.stream().filter((s) -> only.isBlank() || only.contains(s.database())).toList();
			var feed = SearchBenchmark.class.getResourceAsStream("/feeds/interconnects-feed.xml").readAllBytes();
			// -Dbench.meaning=off measures keyword search only: no vectors are needed
			boolean vectors = !"off".equals(System.getProperty("bench.meaning"));
			var real = vectors ? BenchVectors.real(feed, dataDir.resolveSibling("bench-vectors").resolve("real.bin"))
					: null;
			for (var size : sizes) {
				if (size.library()) {
					prepare(postgres, BENCH_2M, feed);
					BenchLibrary.prepare(postgres, BENCH_2M, size);
				}
				else {
					prepare(postgres, size, feed);
				}
				if (vectors) {
					vectors(postgres, size, real);
				}
			}
			if (Boolean.getBoolean("bench.load-only")) {
				return;
			}
			if (Boolean.getBoolean("bench.serve")) {
				// keeps the server up for psql sessions (EXPLAIN by hand) until killed
				System.out.printf("bench server on port %d%n", postgres.getPort());
				Thread.sleep(Duration.ofHours(1).toMillis());
				return;
			}
			var results = new ArrayList<BenchRun.Result>();
			for (var size : sizes) {
				results.addAll(BenchRun.measure(postgres.getJdbcUrl("postgres", size.database()), size,
						dataDir.resolveSibling("bench-lucene").resolve(size.database())));
			}
			BenchReport.print(results, postgres);
		}
	}

	/**
	 * Gives the archive its moment vectors once (generated around real ones,
	 * {@link BenchVectors}), after its migrations.
	 */
	private static void vectors(EmbeddedPostgres postgres, Size size, float[][] real) throws Exception {
		try (var connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", size.database()), "postgres",
				"")) {
			try (var rs = connection.createStatement()
				.executeQuery("select count(*) from pg_tables where tablename = 'bench_vectors'")) {
				rs.next();
				if (rs.getInt(1) == 1) {
					return;
				}
			}
			connection.setAutoCommit(true);
			long started = System.nanoTime();
			long count = BenchVectors.load(connection, real, 42);
			long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
			var phases = String.format(
					"%,d moment vectors generated around %d real ones (model %s) and loaded with COPY in %d s", count,
					real.length, BenchVectors.modelId(), seconds);
			System.out.printf("%s: %s%n", size.database(), phases);
			try (var st = connection.createStatement()) {
				st.execute("create table bench_vectors (vectors bigint not null, phases text not null)");
				st.execute("insert into bench_vectors values (" + count + ", '" + phases + "')");
			}
		}
	}

	static void prepare(EmbeddedPostgres postgres, Size size, byte[] feed) throws Exception {
		try (var admin = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "")) {
			try (var rs = admin.createStatement()
				.executeQuery("select 1 from pg_database where datname = '" + size.database() + "'")) {
				if (!rs.next()) {
					admin.createStatement().execute("create database " + size.database());
				}
			}
		}
		var url = postgres.getJdbcUrl("postgres", size.database());
		try (var connection = DriverManager.getConnection(url, "postgres", "")) {
			try (var rs = connection.createStatement()
				.executeQuery("select count(*) from pg_tables where tablename = 'bench_loaded'")) {
				rs.next();
				if (rs.getInt(1) == 1) {
					// an archive built by an older version is upgraded in place, as the
					// app would on its next start: the time is the operator's wait
					long started = System.nanoTime();
					int applied = BenchData.migrate(url, "postgres", "");
					System.out.printf("%s: already loaded; %d pending migrations applied in %d s%n", size.database(),
							applied, Duration.ofNanos(System.nanoTime() - started).toSeconds());
					return;
				}
			}
		}
		BenchData.migrate(url, "postgres", "");
		long started = System.nanoTime();
		try (var connection = DriverManager.getConnection(url, "postgres", "")) {
			var words = new WordSampler(feed, 42);
			System.out.printf("%s: generating %d episodes x %d segments (fixture corpus %d words, vocabulary %d)%n",
					size.database(), size.episodes(), size.segmentsPerEpisode(), words.corpusSize(),
					words.vocabularySize());
			BenchData.load(connection, words, size.episodes(), size.segmentsPerEpisode());
		}
		System.out.printf("%s: loaded and indexed in %d s%n", size.database(),
				Duration.ofNanos(System.nanoTime() - started).toSeconds());
	}

}
