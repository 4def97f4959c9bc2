package ai.interconnects.archive.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.interconnects.archive.PodcastArchiveApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Issue 24's poll cycle over 200 local feeds, run on purpose:
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=ai.interconnects.archive.bench.PollCycleBenchmark}.
 * <p>
 * For each configuration of {@code archive.poll.max-concurrent} x {@code max-per-host}
 * ({@code -Dbench.poll.configs}, default {@code 1x1,4x2}: the sequential baseline, then
 * the defaults, so that the ratio holds on a loaded machine): a new empty database, the
 * app started in this JVM with the 200 shows of {@link PollFeedHosts} in
 * {@code archive.library.opml}, and two cycles. The first, from cold: wall time from the
 * app's start until every show has a finished poll run, the most requests in flight per
 * host (counted by the servers), each host's last finished poll (a slow host must not
 * delay the others). The second, every show made due at once: conditional GETs answered
 * 304. Heap used after a full collection before the app starts and after each cycle.
 */
public final class PollCycleBenchmark {

	private static final int SHOWS = 200;

	private PollCycleBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		var configs = System.getProperty("bench.poll.configs", "1x1,4x2").split(",");
		var dataDir = Path.of("target/bench-poll-pg").toAbsolutePath();
		Files.createDirectories(dataDir);
		var report = new ArrayList<String>();
		try (var postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(true)
			.setPGStartupWait(Duration.ofMinutes(2))
			.start(); var hosts = new PollFeedHosts(SHOWS, Duration.ofMillis(300), Duration.ofSeconds(3))) {
			var opml = dataDir.resolveSibling("bench-poll-library.opml");
			Files.write(opml, hosts.opml());
			report.add("shows per host: substack 40, libsyn 40 (every show slow: " + hosts.slowHostDelay.toMillis()
					+ " ms before the body), megaphone 40, simplecast 40, podlove 40; every 20th show elsewhere slow ("
					+ hosts.slowShowDelay.toSeconds() + " s), every 25th failing (500, reset, HTML, 410)");
			int run = 0;
			for (var config : configs) {
				var parts = config.trim().split("x");
				report.add(cycle(postgres, hosts, opml, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
						"library_poll_" + (run++)));
			}
		}
		System.out.println("\n==== poll cycle benchmark ====");
		report.forEach(System.out::println);
	}

	private static String cycle(EmbeddedPostgres postgres, PollFeedHosts hosts, Path opml, int maxConcurrent,
			int maxPerHost, String database) throws Exception {
		try (var admin = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "")) {
			admin.createStatement().execute("drop database if exists " + database);
			admin.createStatement().execute("create database " + database);
		}
		var url = postgres.getJdbcUrl("postgres", database);
		hosts.reset();
		long heapBefore = heapAfterGc();
		String load = BenchRun.loadAverage();
		long started = System.nanoTime();
		var app = new SpringApplicationBuilder(PodcastArchiveApplication.class)
			.properties("spring.datasource.url=" + url, "spring.datasource.username=postgres",
					"spring.datasource.password=", "server.port=0", "spring.main.banner-mode=off",
					"logging.level.root=WARN")
			.run("--archive.feed.url=" + hosts.url(hosts.shows.get(0)), "--archive.library.opml=file:" + opml,
					"--archive.feed.max-file-fetches-per-poll=0", "--archive.poll.initial-delay=0s",
					"--archive.poll.tick=1s", "--archive.poll.max-concurrent=" + maxConcurrent,
					"--archive.poll.max-per-host=" + maxPerHost, "--archive.meaning.enabled=false",
					"--archive.meaning.worker=false", "--archive.pages.cache.enabled=false");
		try (var connection = DriverManager.getConnection(url, "postgres", "")) {
			long up = System.nanoTime();
			awaitRuns(connection, 1, 0);
			var wall = Duration.ofNanos(System.nanoTime() - started);
			var first = String.format(
					"%dx%d cycle 1 (cold, load %s): wall %.1f s (app start %.1f s), %s; most in flight per host %s; "
							+ "%d requests; last finished per host (s after the first poll): %s; outcomes %s",
					maxConcurrent, maxPerHost, load, wall.toMillis() / 1000.0, (up - started) / 1e9, span(connection),
					Arrays.toString(hosts.mostInFlight()), hosts.requests(), perHost(connection, hosts),
					outcomes(connection, 1));
			System.out.println(first);
			long heapCold = heapAfterGc();
			hosts.reset();
			load = BenchRun.loadAverage();
			connection.createStatement().executeUpdate("update podcast set next_poll_at = now()");
			long second = System.nanoTime();
			// a show whose feed answered 410 is polled no more (resumed from /admin only)
			awaitRuns(connection, 2, gone(connection));
			var again = String.format(
					"%dx%d cycle 2 (all due, load %s): wall %.1f s; most in flight per host %s; %d requests, %d answered 304; "
							+ "outcomes %s; heap after GC: %d MB before the app, %d MB after cycle 1, %d MB after cycle 2",
					maxConcurrent, maxPerHost, load, (System.nanoTime() - second) / 1e9,
					Arrays.toString(hosts.mostInFlight()), hosts.requests(), hosts.notModified(),
					outcomes(connection, 2), heapBefore, heapCold, heapAfterGc());
			System.out.println(again);
			return first + "\n" + again;
		}
		finally {
			app.close();
		}
	}

	/**
	 * Waits until {@value #SHOWS} shows, less those {@code gone}, have {@code runs}
	 * finished poll runs (5 minutes at most; then the shows still without one are
	 * printed).
	 */
	private static void awaitRuns(Connection connection, int runs, int gone) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		var finished = "(select count(*) from poll_run r where r.podcast_id = p.id and r.outcome <> 'RUNNING') >= "
				+ runs;
		while (true) {
			try (var rs = connection.createStatement()
				.executeQuery("select count(*) from podcast p where " + finished)) {
				rs.next();
				if (rs.getInt(1) >= SHOWS - gone) {
					return;
				}
			}
			if (System.nanoTime() > deadline) {
				try (var rs = connection.createStatement()
					.executeQuery(
							"select string_agg(id || ' ' || feed_url, '; ') from podcast p where not " + finished)) {
					rs.next();
					throw new IllegalStateException(
							"cycle " + runs + " unfinished after 5 minutes: " + rs.getString(1));
				}
			}
			Thread.sleep(100);
		}
	}

	private static int gone(Connection connection) throws Exception {
		try (var rs = connection.createStatement()
			.executeQuery("select count(distinct podcast_id) from poll_run where http_status = 410")) {
			rs.next();
			return rs.getInt(1);
		}
	}

	private static String span(Connection connection) throws Exception {
		try (var rs = connection.createStatement()
			.executeQuery("select extract(epoch from max(finished_at) - min(started_at)) from poll_run")) {
			rs.next();
			return String.format("first poll start to last poll end %.1f s", rs.getDouble(1));
		}
	}

	private static String perHost(Connection connection, PollFeedHosts hosts) throws Exception {
		var out = new ArrayList<String>();
		for (int h = 0; h < PollFeedHosts.HOSTS.length; h++) {
			try (var st = connection.prepareStatement("select extract(epoch from max(finished_at) - "
					+ "(select min(started_at) from poll_run)) from poll_run where feed_url like ?")) {
				st.setString(1, "http://127.0.0.1:" + hosts.port(h) + "/%");
				try (var rs = st.executeQuery()) {
					rs.next();
					out.add(String.format("%s %.1f", PollFeedHosts.HOSTS[h], rs.getDouble(1)));
				}
			}
		}
		return String.join(", ", out);
	}

	private static String outcomes(Connection connection, int run) throws Exception {
		try (var rs = connection.createStatement()
			.executeQuery("select string_agg(outcome || coalesce(' ' || http_status, '') || ' x' || n, ', ' "
					+ "order by outcome, http_status) from (select outcome, http_status, count(*) n from "
					+ "(select *, row_number() over (partition by podcast_id order by started_at) k from poll_run) r "
					+ "where k = " + run + " group by outcome, http_status) o")) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static long heapAfterGc() {
		System.gc();
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
	}

}
