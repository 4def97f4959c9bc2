package ai.interconnects.archive.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One poll cycle over 200 local feeds: an empty archive (database {@code library_poll},
 * made afresh) whose {@code archive.library.opml} lists the {@link LibraryFeeds} served
 * by {@link LoopbackFeedHosts} on five ports; the app polls them all from a cold start.
 * Measured: the wall time from start-up until every show has a finished poll run (and
 * from the first poll's start to the last one's end, by the database's clock), the most
 * requests in flight at once per host as the servers saw them, the requests made, and the
 * heap after a full collection at the end.
 */
final class PollCycleRun {

	static final int HOSTS = 5;

	static final String DATABASE = "library_poll";

	/** What one cycle took. */
	record Result(int shows, Duration wallTime, Duration cycle, int[] mostInFlightPerHost, long requests, long heapMb,
			String outcomes, int maxConcurrent, int maxPerHost, String load) {
	}

	private PollCycleRun() {
	}

	static Result measure(EmbeddedPostgres postgres, WordSampler words, Path workDir, int maxConcurrent, int maxPerHost)
			throws Exception {
		var shows = LibraryFeeds.generate(words, LibraryBenchmark.SHOWS, HOSTS, LibraryBenchmark.EPISODES, 400);
		try (var admin = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "")) {
			admin.createStatement().execute("drop database if exists " + DATABASE);
			admin.createStatement().execute("create database " + DATABASE);
		}
		var url = postgres.getJdbcUrl("postgres", DATABASE);
		try (var hosts = new LoopbackFeedHosts(HOSTS, shows, Duration.ofSeconds(5))) {
			var opml = Files.createDirectories(workDir).resolve("library.opml");
			Files.write(opml, LibraryFeeds.opml(shows, hosts.ports()));
			long started = System.nanoTime();
			try (var app = BenchApp.start(url, "512m", workDir,
					List.of("--archive.library.opml=file:" + opml, "--archive.poll.initial-delay=0s",
							"--archive.poll.tick=1s", "--archive.poll.max-concurrent=" + maxConcurrent,
							"--archive.poll.max-per-host=" + maxPerHost))) {
				String outcomes;
				Duration cycle;
				try (var connection = DriverManager.getConnection(url, "postgres", "")) {
					long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
					while (true) {
						try (var rs = connection.createStatement()
							.executeQuery(
									"select count(distinct podcast_id) from poll_run where finished_at is not null "
											+ "or outcome = 'FAILED'")) {
							rs.next();
							if (rs.getInt(1) >= shows.size()) {
								break;
							}
						}
						if (System.nanoTime() > deadline) {
							throw new IllegalStateException("the poll cycle did not finish in 30 minutes");
						}
						Thread.sleep(200);
					}
					var wall = Duration.ofNanos(System.nanoTime() - started);
					try (var rs = connection.createStatement()
						.executeQuery("select string_agg(outcome || ' ' || n, ', ' order by outcome), "
								+ "(select extract(epoch from max(finished_at) - min(started_at)) * 1000 from poll_run) "
								+ "from (select outcome, count(*) as n from poll_run group by outcome) o")) {
						rs.next();
						outcomes = rs.getString(1);
						cycle = Duration.ofMillis(rs.getLong(2));
					}
					var result = new Result(shows.size(), wall, cycle, hosts.mostInFlight(), hosts.requests(),
							app.heapUsedMb(true), outcomes, maxConcurrent, maxPerHost, BenchRun.loadAverage());
					System.out.printf(
							"poll cycle: %d shows in %d s, most in flight per host %s, %d requests, "
									+ "heap %d MB, %s%n",
							result.shows(), wall.toSeconds(), Arrays.toString(result.mostInFlightPerHost()),
							result.requests(), result.heapMb(), outcomes);
					return result;
				}
			}
		}
	}

}
