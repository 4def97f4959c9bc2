package ai.interconnects.archive.bench;

import java.sql.DriverManager;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The library benchmark's archive (issue 24): a copy of the 2 M-segment archive whose
 * episodes are dealt in turn to {@code shows} shows ({@code bench-show-1} …), so every
 * show holds 25 episodes spread over the whole time span, as a library of weekly shows
 * would. The search statistics are per episode and per word, so they stay exact; only
 * {@code episode.podcast_id} and the podcast rows change.
 */
final class BenchLibrary {

	private BenchLibrary() {
	}

	static void prepare(EmbeddedPostgres postgres, SearchBenchmark.Size source, SearchBenchmark.Size library)
			throws Exception {
		try (var admin = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "")) {
			try (var rs = admin.createStatement()
				.executeQuery("select 1 from pg_database where datname = '" + library.database() + "'")) {
				if (rs.next()) {
					// made before: upgraded in place like the source
					int applied = BenchData.migrate(postgres.getJdbcUrl("postgres", library.database()), "postgres",
							"");
					System.out.printf("%s: already made; %d pending migrations applied%n", library.database(), applied);
					return;
				}
			}
			long started = System.nanoTime();
			// a file-level copy: seconds, where generating the text again takes minutes
			admin.createStatement().execute("create database " + library.database() + " template " + source.database());
			System.out.printf("%s: copied from %s in %d s%n", library.database(), source.database(),
					Duration.ofNanos(System.nanoTime() - started).toSeconds());
		}
		long started = System.nanoTime();
		try (var connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", library.database()),
				"postgres", "")) {
			connection.setAutoCommit(false);
			try (var st = connection.createStatement()) {
				st.execute("update podcast set title = 'Benchmark show 1', slug = 'bench-show-1' where id = 1");
				st.execute("insert into podcast (id, configured_url, feed_url, title, slug, origin) "
						+ "overriding system value select i, 'bench:' || i, 'bench:' || i, 'Benchmark show ' || i, "
						+ "'bench-show-' || i, 'OPML' from generate_series(2, " + library.shows() + ") i");
				st.execute("update episode set podcast_id = 1 + (id - 1) % " + library.shows());
				st.execute("select setval(pg_get_serial_sequence('podcast', 'id'), " + library.shows() + ")");
			}
			connection.commit();
			connection.setAutoCommit(true);
			try (var st = connection.createStatement()) {
				st.execute("vacuum analyze episode");
				st.execute("vacuum analyze podcast");
			}
		}
		System.out.printf("%s: %d shows made in %d s%n", library.database(), library.shows(),
				Duration.ofNanos(System.nanoTime() - started).toSeconds());
	}

}
