package ai.interconnects.archive.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.interconnects.archive.PodcastArchiveApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Measures one benchmark archive: starts the application on a random port against it,
 * then times {@code GET /search?q=…} over HTTP on 127.0.0.1 (warm-up, then
 * {@link #REQUESTS} requests per query), and the ILIKE baseline by direct JDBC.
 */
final class BenchRun {

	static final int WARM_UP = 10;

	static final int REQUESTS = 50;

	/**
	 * A query class: the websearch text sent to /search and the ILIKE predicate that
	 * finds the same rows the naive way.
	 */
	record Query(String label, String q, String ilike) {
	}

	record Timing(double p50, double p95, double p99, int runs) {

		static Timing of(long[] nanos) {
			var sorted = nanos.clone();
			Arrays.sort(sorted);
			return new Timing(pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.length);
		}

		private static double pct(long[] sorted, int p) {
			int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
		}

	}

	record Line(Query query, long matchingSegments, Timing search, Timing ilike, String load) {
	}

	record Result(SearchBenchmark.Size size, List<Line> lines, List<String> explains, String sizes) {
	}

	private BenchRun() {
	}

	static List<Query> queries(Connection connection) throws SQLException {
		// the rarest word of the generated archive, chosen by the data, not by hand
		String rare;
		try (var rs = connection.createStatement()
			.executeQuery("select word from search_vocabulary where length(word) >= 6 "
					+ "and numnode(websearch_to_tsquery('english', word)) > 0 order by ndoc, word limit 1")) {
			rs.next();
			rare = rs.getString(1);
		}
		return List.of(new Query("rare word", rare, "s.text ilike '%" + rare + "%'"),
				new Query("common word", "models", "s.text ilike '%models%'"),
				new Query("two words", "government chips", "s.text ilike '%government%' and s.text ilike '%chips%'"),
				new Query("phrase", "\"open models\"", "s.text ilike '%open models%'"),
				new Query("phrase -exclusion", "\"open models\" -china",
						"s.text ilike '%open models%' and s.text not ilike '%china%'"),
				new Query("no hit", "xylophonic", "s.text ilike '%xylophonic%'"));
	}

	static Result measure(String url, SearchBenchmark.Size size) throws Exception {
		var lines = new ArrayList<Line>();
		var explains = new ArrayList<String>();
		String sizes;
		try (var connection = DriverManager.getConnection(url, "postgres", "")) {
			try (var rs = connection.createStatement()
				.executeQuery("select pg_size_pretty(pg_table_size('transcript_segment')), "
						+ "pg_size_pretty(pg_relation_size('transcript_segment_search_vector_idx')), "
						+ "(select count(*) from search_vocabulary)")) {
				rs.next();
				sizes = String.format("%s: transcript_segment %s, its GIN index %s, vocabulary %s words",
						size.database(), rs.getString(1), rs.getString(2), rs.getString(3));
			}
			var queries = queries(connection);
			var app = new SpringApplicationBuilder(PodcastArchiveApplication.class)
				.properties("spring.datasource.url=" + url, "spring.datasource.username=postgres",
						"spring.datasource.password=", "server.port=0", "archive.poll-enabled=false",
						"spring.main.banner-mode=off", "logging.level.root=WARN")
				.run();
			try {
				int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
				var http = HttpClient.newHttpClient();
				for (var query : queries) {
					long matching = count(connection,
							"select count(*) from transcript_segment s where s.search_vector @@ websearch_to_tsquery('english', ?)",
							query.q());
					var search = time(WARM_UP, REQUESTS, () -> get(http, port, query.q()));
					boolean large = size.segments() > 1_000_000;
					var ilike = time(large ? 1 : 2, large ? 5 : 20, () -> ilike(connection, query.ilike()));
					var line = new Line(query, matching, search, ilike, loadAverage());
					System.out.printf(
							"%s %-18s matches=%d search p50=%.1f p95=%.1f p99=%.1f ms | ilike p50=%.0f p95=%.0f ms%n",
							size.database(), query.label(), matching, search.p50(), search.p95(), search.p99(),
							ilike.p50(), ilike.p95());
					lines.add(line);
				}
			}
			finally {
				app.close();
			}
		}
		return new Result(size, lines, explains, sizes);
	}

	interface Action {

		void run() throws Exception;

	}

	static Timing time(int warmUp, int runs, Action action) throws Exception {
		for (int i = 0; i < warmUp; i++) {
			action.run();
		}
		var nanos = new long[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			action.run();
			nanos[i] = System.nanoTime() - start;
		}
		return Timing.of(nanos);
	}

	private static void get(HttpClient http, int port, String q) throws Exception {
		var uri = URI.create("http://127.0.0.1:" + port + "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
		var response = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200 || !response.body().contains("<h1>Search</h1>")) {
			throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
		}
	}

	/**
	 * The naive search: a sequential ILIKE over every segment, grouped by episode like
	 * /search (matching moments per episode, top 10 episodes by count, total count).
	 */
	private static void ilike(Connection connection, String predicate) throws SQLException {
		try (var st = connection.createStatement();
				var rs = st.executeQuery("select s.episode_id, count(*) as moments, sum(count(*)) over () as total "
						+ "from transcript_segment s where " + predicate
						+ " group by s.episode_id order by moments desc, s.episode_id limit 10")) {
			while (rs.next()) {
				rs.getLong(1);
			}
		}
	}

	/** The 1-minute load average: the machine is shared, so the noise is recorded. */
	static String loadAverage() {
		try {
			return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (java.io.IOException ex) {
			return "?";
		}
	}

	private static long count(Connection connection, String sql, String param) throws SQLException {
		try (var st = connection.prepareStatement(sql)) {
			st.setString(1, param);
			try (var rs = st.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

}
