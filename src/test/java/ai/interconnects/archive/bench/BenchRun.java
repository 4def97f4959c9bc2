package ai.interconnects.archive.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

import ai.interconnects.archive.PodcastArchiveApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Measures one benchmark archive: starts the application on a random port against it,
 * then times {@code GET /search?…} over HTTP on 127.0.0.1 (warm-up, then
 * {@link #REQUESTS} requests per query) next to an episode page, and, by direct JDBC, the
 * naive exact ranking with {@code ts_rank_cd} over every match and the ILIKE baseline;
 * then the same query in Lucene ({@link LuceneAnchor}) and the overlap of both top tens.
 */
final class BenchRun {

	static final int WARM_UP = 10;

	static final int REQUESTS = 50;

	/** Rounds of every class (and as many episode pages) before anything is timed. */
	static final int WARM_UP_ROUNDS = 15;

	static final String FROM = "2010-03-01";

	static final String TO = "2010-08-31";

	/** Builds the query in Lucene. */
	interface LuceneQuery {

		org.apache.lucene.search.Query build(LuceneAnchor lucene) throws Exception;

	}

	/**
	 * A query class: the websearch text and options sent to /search, the same filter in
	 * SQL for the baselines, the ILIKE predicate that finds the same segments the naive
	 * way, and the Lucene query.
	 */
	record Query(String label, String q, String speaker, boolean dates, boolean newest, int page, String ilike,
			LuceneQuery lucene, boolean words, int show) {

		/** A query in the default mode: hybrid when the archive has vectors. */
		Query(String label, String q, String speaker, boolean dates, boolean newest, int page, String ilike,
				LuceneQuery lucene) {
			this(label, q, speaker, dates, newest, page, ilike, lucene, false, 0);
		}

		/** The same query with {@code mode=words}: exact words only. */
		Query wordsOnly() {
			return new Query(this.label + ", mode=words", this.q, this.speaker, this.dates, this.newest, this.page,
					this.ilike, this.lucene, true, this.show);
		}

		/** The same query narrowed to one show of a library ({@code show=}). */
		Query inShow(String label, int show) {
			LuceneQuery inShow = (l) -> LuceneAnchor.inShow(this.lucene.build(l), show);
			return new Query(label, this.q, this.speaker, this.dates, this.newest, this.page, this.ilike, inShow,
					this.words, show);
		}

		String url() {
			var url = new StringBuilder("/search?q=").append(enc(this.q));
			if (this.speaker != null) {
				url.append("&speaker=").append(enc(this.speaker));
			}
			if (this.dates) {
				url.append("&from=").append(FROM).append("&to=").append(TO);
			}
			if (this.newest) {
				url.append("&sort=newest");
			}
			if (this.page > 1) {
				url.append("&page=").append(this.page);
			}
			if (this.words) {
				url.append("&mode=words");
			}
			if (this.show > 0) {
				url.append("&show=bench-show-").append(this.show);
			}
			return url.toString();
		}

		String shown() {
			return this.url().substring("/search?".length());
		}

		/** Extra SQL conditions on segment {@code s} and episode {@code e}. */
		String filter() {
			var sql = new StringBuilder();
			if (this.speaker != null) {
				sql.append(" and s.speaker = '").append(this.speaker.replace("'", "''")).append("'");
			}
			if (this.show > 0) {
				sql.append(" and e.podcast_id = ").append(this.show);
			}
			if (this.dates) {
				sql.append(" and e.published_at >= '")
					.append(FROM)
					.append("' and e.published_at < '")
					.append(TO)
					.append("'::date + 1");
			}
			return sql.toString();
		}

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

	/**
	 * {@code paired}: the episode page timed in turn with this query's requests (one
	 * page, one search), so the ratio compares two timings of the same minutes.
	 */
	record Line(Query query, long matchingSegments, Timing search, Timing paired, Timing naive, Timing ilike,
			Timing lucene, double overlap, String load) {

		double pairedRatio() {
			return this.search.p95() / this.paired.p95();
		}

	}

	record Result(SearchBenchmark.Size size, String app, Timing episodePage, String episodeLoad, List<Line> lines,
			String sizes, String ingest) {
	}

	private static final Timing NOT_MEASURED = new Timing(0, 0, 0, 0);

	private BenchRun() {
	}

	static List<Query> queries(Connection connection, SearchBenchmark.Size size) throws SQLException {
		// the rarest word of the generated archive, chosen by the data, not by hand
		String rare;
		try (var rs = connection.createStatement()
			.executeQuery("select word from search_vocabulary where length(word) >= 6 "
					+ "and word ~ '^[[:alpha:]]+$' and numnode(archive_tsquery(word)) > 0 order by ndoc, word limit 1")) {
			rs.next();
			rare = rs.getString(1);
		}
		long fromEpoch = LocalDate.parse(FROM).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
		long toEpoch = LocalDate.parse(TO).plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) - 1;
		var classes = new ArrayList<>(List.of(
				new Query("rare word", rare, null, false, false, 1, "s.text ilike '%" + rare + "%'",
						(l) -> l.word(rare, null)),
				new Query("common word", "models", null, false, false, 1, "s.text ilike '%models%'",
						(l) -> l.word("models", null)),
				new Query("two words", "government chips", null, false, false, 1,
						"s.text ilike '%government%' and s.text ilike '%chips%'",
						(l) -> LuceneAnchor.all(l.word("government", null), l.word("chips", null))),
				new Query("phrase", "\"open models\"", null, false, false, 1, "s.text ilike '%open models%'",
						(l) -> l.phrase("open models")),
				new Query("phrase -exclusion", "\"open models\" -china", null, false, false, 1,
						"s.text ilike '%open models%' and s.text not ilike '%china%'",
						(l) -> l.excluding(l.phrase("open models"), "china")),
				new Query("or", "government or chips", null, false, false, 1,
						"(s.text ilike '%government%' or s.text ilike '%chips%')",
						(l) -> LuceneAnchor.any(l.word("government", null), l.word("chips", null))),
				new Query("speaker filter", "models", "Dean Ball", false, false, 1, "s.text ilike '%models%'",
						(l) -> l.word("models", "Dean Ball")),
				new Query("date filter", "models", null, true, false, 1, "s.text ilike '%models%'",
						(l) -> LuceneAnchor.publishedBetween(l.word("models", null), fromEpoch, toEpoch)),
				new Query("sort=newest", "models", null, false, true, 1, "s.text ilike '%models%'",
						(l) -> l.word("models", null)),
				new Query("page 5, common word", "models", null, false, false, 5, "s.text ilike '%models%'",
						(l) -> l.word("models", null)),
				new Query("no hit", "xylophonic", null, false, false, 1, "s.text ilike '%xylophonic%'",
						(l) -> l.word("xylophonic", null))));
		// Search by meaning (issue 21): a question in a listener's own words (no moment
		// holds all its words, so keyword search finds nothing), alone and filtered; the
		// keyword classes again with mode=words (exact words only, as before issue 21)
		var questionWords = List.of("small", "lab", "rent", "hosted", "tuning", "service", "owning", "gpus");
		LuceneQuery paraphrase = (l) -> question(l, questionWords, null);
		var question = "should a small lab rent a hosted tuning service instead of owning GPUs";
		var questionLike = "s.text ilike '%tuning%' and s.text ilike '%gpus%'";
		classes.add(new Query("plain-language question", question, null, false, false, 1, questionLike, paraphrase));
		classes.add(new Query("question, speaker filter", question, "Dean Ball", false, false, 1, questionLike,
				(l) -> question(l, questionWords, "Dean Ball")));
		classes.add(new Query("question, date filter", question, null, true, false, 1, questionLike,
				(l) -> LuceneAnchor.publishedBetween(question(l, questionWords, null), fromEpoch, toEpoch)));
		for (var label : List.of("rare word", "common word", "two words", "speaker filter", "date filter")) {
			classes.add(find(classes, label).wordsOnly());
		}
		if (size.library()) {
			// issue 24: one show of the library; the speaker filter above is already a
			// speaker followed across every show
			classes.add(find(classes, "common word").inShow("show filter, common word", 7));
			classes.add(find(classes, "rare word").inShow("show filter, rare word", 7));
			classes.add(find(classes, "phrase").inShow("show filter, phrase", 7));
			classes.add(find(classes, "speaker filter").inShow("show filter, speaker", 7));
			classes.add(find(classes, "common word").wordsOnly().inShow("show filter, common word, mode=words", 7));
		}
		return classes;
	}

	private static Query find(List<Query> classes, String label) {
		return classes.stream().filter((c) -> c.label().equals(label)).findFirst().orElseThrow();
	}

	/** Any of the question's words, in Lucene (it has no meaning to rank by). */
	private static org.apache.lucene.search.Query question(LuceneAnchor lucene, List<String> words, String speaker)
			throws java.io.IOException {
		var any = new ArrayList<org.apache.lucene.search.Query>();
		for (var word : words) {
			any.add(lucene.word(word, speaker));
		}
		return LuceneAnchor.any(any.toArray(org.apache.lucene.search.Query[]::new));
	}

	/**
	 * Measures the archive once per app configuration of {@code -Dbench.meaning}:
	 * {@code off} (archive.meaning.enabled=false: keyword search as before issue 21, the
	 * baseline "today"), {@code on} (search by meaning, every vector loaded before the
	 * first request) or {@code both} (off, then on, in this one run; the default).
	 */
	static List<Result> measure(String url, SearchBenchmark.Size size, Path luceneDir) throws Exception {
		var results = new ArrayList<Result>();
		String sizes;
		String ingest;
		try (var connection = DriverManager.getConnection(url, "postgres", "");
				var lucene = LuceneAnchor.open(luceneDir, connection)) {
			try (var rs = connection.createStatement()
				.executeQuery("select pg_size_pretty(pg_table_size('transcript_segment')), "
						+ "pg_size_pretty(pg_relation_size('transcript_segment_search_vector_idx')), "
						+ "(select count(*) from search_vocabulary), "
						+ "pg_size_pretty(pg_total_relation_size('search_term')), (select count(*) from search_term), "
						+ "(select count(*) from moment_vector), pg_size_pretty(pg_total_relation_size('moment_vector'))")) {
				rs.next();
				sizes = String.format(
						"%s: transcript_segment %s, its GIN index %s, vocabulary %s words; search_term %s rows, %s with its indexes; "
								+ "moment_vector %,d rows, %s with its indexes",
						size.database(), rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(5),
						rs.getString(4), rs.getLong(6), rs.getString(7));
			}
			ingest = "false".equals(System.getProperty("bench.ingest")) ? size.database() + ": re-ingest not measured"
					: BenchData.reingest(connection, size);
			// -Dbench.queries="two words,phrase": only these classes (labels), for a
			// re-run
			var only = System.getProperty("bench.queries", "");
			var queries = queries(connection, size).stream()
				.filter((q) -> only.isBlank() || java.util.Arrays.asList(only.split(",")).contains(q.label()))
				.toList();
			var meaning = System.getProperty("bench.meaning", "both");
			for (boolean on : List.of(false, true)) {
				if (meaning.equals("both") || meaning.equals(on ? "on" : "off")) {
					results.add(run(url, size, connection, lucene,
							on ? queries : queries.stream().filter((q) -> !q.label().contains("question")).toList(), on,
							sizes, ingest));
				}
			}
			return results;
		}
	}

	/**
	 * {@code -Dbench.query-cache=0}: every request embeds its query, as a query asked for
	 * the first time (the default keeps recent queries' vectors, so a class's repeated
	 * query is embedded once).
	 */
	private static String queryCache() {
		return System.getProperty("bench.query-cache", "").strip();
	}

	private static String[] arguments(boolean meaning) {
		var arguments = new ArrayList<>(
				List.of("--archive.meaning.enabled=" + meaning, "--archive.meaning.worker=" + meaning));
		if (!queryCache().isEmpty()) {
			arguments.add("--archive.meaning.query-cache=" + queryCache());
		}
		return arguments.toArray(String[]::new);
	}

	private static Result run(String url, SearchBenchmark.Size size, Connection connection, LuceneAnchor lucene,
			List<Query> queries, boolean meaning, String sizes, String ingest) throws Exception {
		var lines = new ArrayList<Line>();
		// The rendered-page cache off: a repeated query would otherwise be answered from
		// memory after its first request, and this measures the search, not the cache.
		var app = new SpringApplicationBuilder(PodcastArchiveApplication.class)
			.properties("spring.datasource.url=" + url, "spring.datasource.username=postgres",
					"spring.datasource.password=", "server.port=0", "archive.poll.enabled=false",
					"archive.pages.cache.enabled=false", "spring.main.banner-mode=off", "logging.level.root=WARN")
			// as arguments: the test class path's application.properties switches search
			// by
			// meaning off, and it outranks the builder's default properties
			.run(arguments(meaning));
		var label = meaning ? "search by meaning on" : "archive.meaning.enabled=false";
		if (meaning && "0".equals(queryCache())) {
			label += ", every query embedded (archive.meaning.query-cache=0)";
		}
		Timing episodePage;
		String episodeLoad;
		try {
			if (meaning) {
				label = awaitVectors(app, connection);
			}
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			var http = HttpClient.newHttpClient();
			int[] next = { 0 };
			// every class and the episode page several times before anything is timed: a
			// server answers from compiled code, and with a few rounds only the first
			// classes measured paid the JIT's warm-up (run 10's rare word; run G's first
			// four classes took twice their steady time at p95)
			for (int round = 0; round < WARM_UP_ROUNDS; round++) {
				for (var query : queries) {
					get(http, port, query.url(), "<h1>Search</h1>");
					get(http, port, size.episodePath(1 + (next[0]++ * 37) % size.episodes()), "<h1");
				}
			}
			episodePage = time(WARM_UP, REQUESTS,
					() -> get(http, port, size.episodePath(1 + (next[0]++ * 37) % size.episodes()), "<h1"));
			episodeLoad = loadAverage();
			System.out.printf("%s (%s) episode page p50=%.1f p95=%.1f ms%n", size.database(), label, episodePage.p50(),
					episodePage.p95());
			boolean large = size.segments() > 1_000_000;
			// -Dbench.anchors=false: /search and Lucene only (a before/after run of the
			// app needs no naive or ILIKE baseline, which take minutes)
			boolean anchors = !"false".equals(System.getProperty("bench.anchors"));
			for (var query : queries) {
				long matching = count(connection,
						"select count(*) from transcript_segment s where s.search_vector @@ archive_tsquery(?)",
						query.q());
				// the page and the search in turn: the machine's drift over a run (the 2
				// M
				// episode page's p95 moved from 37 to 72 ms between two runs of run L)
				// reaches both alike
				var paired = new Timing[2];
				timeInTurn(WARM_UP, REQUESTS, paired,
						() -> get(http, port, size.episodePath(1 + (next[0]++ * 37) % size.episodes()), "<h1"),
						() -> get(http, port, query.url(), "<h1>Search</h1>"));
				var search = paired[1];
				var load = loadAverage();
				var naive = anchors ? time(1, large ? 3 : 10, () -> naive(connection, query)) : NOT_MEASURED;
				var ilike = anchors ? time(1, large ? 3 : 10, () -> ilike(connection, query)) : NOT_MEASURED;
				var luceneQuery = query.lucene().build(lucene);
				var luceneTime = time(WARM_UP, REQUESTS,
						() -> lucene.top(luceneQuery, query.newest(), (query.page() - 1) * 10));
				var ours = ids(get(http, port, query.url(), "<h1>Search</h1>"));
				var theirs = lucene.top(luceneQuery, query.newest(), (query.page() - 1) * 10);
				var common = new HashSet<>(ours);
				common.retainAll(theirs);
				double overlap = (ours.isEmpty() && theirs.isEmpty()) ? 1
						: common.size() / (double) Math.max(ours.size(), theirs.size());
				var line = new Line(query, matching, search, paired[0], naive, ilike, luceneTime, overlap, load);
				System.out.printf(
						"%s %-32s matches=%d search p50=%.1f p95=%.1f (/ episode p95 %.2f; in turn with the episode page, p95 %.1f: %.2f) | episodes shown %d | lucene p50=%.2f | overlap %.1f | load %s%n",
						size.database(), query.label(), matching, search.p50(), search.p95(),
						search.p95() / episodePage.p95(), paired[0].p95(), line.pairedRatio(), ours.size(),
						luceneTime.p50(), overlap, load);
				lines.add(line);
			}
		}
		finally {
			app.close();
		}
		return new Result(size, label, episodePage, episodeLoad, lines, sizes, ingest);
	}

	/**
	 * Waits until the model is loaded and every embedded episode's vectors are in memory
	 * (nothing is timed before), and checks the worker found nothing to embed: the
	 * generated vectors count as current. Returns what the app holds, for the report.
	 */
	private static String awaitVectors(org.springframework.context.ConfigurableApplicationContext app,
			Connection connection) throws Exception {
		var meaning = app.getBean(ai.interconnects.archive.search.meaning.MeaningSearch.class);
		long episodes = count(connection,
				"select count(*) from meaning_episode where revision is not null and model = ?", meaning.modelId());
		long started = System.nanoTime();
		var status = meaning.status();
		var progress = meaning.progress();
		// the re-ingest timing above marked its episode stale (same text): the worker
		// claims it, finds every hash current and finishes it without embedding
		while (!status.available() || status.episodesIndexed() < episodes || progress.episodesWaiting() > 0) {
			if (System.nanoTime() - started > java.time.Duration.ofMinutes(30).toNanos()) {
				throw new IllegalStateException(
						"Search by meaning not ready after 30 minutes: " + status + ", " + progress);
			}
			Thread.sleep(1000);
			status = meaning.status();
			progress = meaning.progress();
		}
		var held = String.format(
				"search by meaning on: model and %,d vectors of %,d episodes in memory after %d s, index %,d MB (VectorIndex.bytes); worker: %,d of %,d moments embedded, %d episodes waiting",
				status.momentsIndexed(), status.episodesIndexed(), (System.nanoTime() - started) / 1_000_000_000,
				status.indexBytes() >> 20, progress.embedded(), progress.total(), progress.episodesWaiting());
		System.out.println(held);
		return held;
	}

	interface Action {

		void run() throws Exception;

	}

	/**
	 * Times {@code first} and {@code second} in turn, into {@code timings[0]} and [1].
	 */
	static void timeInTurn(int warmUp, int runs, Timing[] timings, Action first, Action second) throws Exception {
		for (int i = 0; i < warmUp; i++) {
			first.run();
			second.run();
		}
		var nanos = new long[2][runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			first.run();
			long between = System.nanoTime();
			second.run();
			nanos[0][i] = between - start;
			nanos[1][i] = System.nanoTime() - between;
		}
		timings[0] = Timing.of(nanos[0]);
		timings[1] = Timing.of(nanos[1]);
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

	private static final Pattern EPISODE_LINK = Pattern
		.compile("<h2><a\\s+href=\"(?:/shows/bench-show-\\d+)?/episodes/bench-episode-(\\d+)\"");

	private static List<Long> ids(String html) {
		var ids = new ArrayList<Long>();
		var m = EPISODE_LINK.matcher(html);
		while (m.find()) {
			ids.add(Long.parseLong(m.group(1)));
		}
		return ids;
	}

	private static String get(HttpClient http, int port, String path, String expected) throws Exception {
		var uri = URI.create("http://127.0.0.1:" + port + path);
		var response = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200 || !response.body().contains(expected)) {
			throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
		}
		return response.body();
	}

	/**
	 * The honest naive exact ranking: {@code ts_rank_cd} (weights D speech 0.1, C notes
	 * 0.2, B chapters 0.4, A title 1.0, as V2 stores them) of every matching segment,
	 * chapter title, title and notes, summed per episode; top ten of the page.
	 */
	private static void naive(Connection connection, Query query) throws SQLException {
		var tsquery = "archive_tsquery('" + query.q().replace("'", "''") + "')";
		var w = "'{0.1, 0.2, 0.4, 1.0}'::float4[]";
		var sql = new StringBuilder("select x.episode_id, sum(x.r) as score from (\n");
		sql.append("  select s.episode_id, ts_rank_cd(")
			.append(w)
			.append(", s.search_vector, q) as r\n")
			.append("  from transcript_segment s join episode e on e.id = s.episode_id, ")
			.append(tsquery)
			.append(" q where s.search_vector @@ q")
			.append(query.filter())
			.append('\n');
		if (query.speaker() == null) {
			var dates = query.filter();
			sql.append("  union all select c.episode_id, ts_rank_cd(")
				.append(w)
				.append(", c.search_vector, q) from chapter c join episode e on e.id = c.episode_id, ")
				.append(tsquery)
				.append(" q where c.search_vector @@ q")
				.append(dates)
				.append('\n')
				.append("  union all select e.id, ts_rank_cd(")
				.append(w)
				.append(", e.title_vector || e.notes_vector, q) from episode e, ")
				.append(tsquery)
				.append(" q where (e.title_vector @@ q or e.notes_vector @@ q)")
				.append(dates)
				.append('\n');
		}
		sql.append(") x join episode e on e.id = x.episode_id group by x.episode_id, e.published_at\n")
			.append(query.newest() ? "order by e.published_at desc, x.episode_id desc"
					: "order by score desc, x.episode_id desc")
			.append(" limit 10 offset ")
			.append((query.page() - 1) * 10);
		consume(connection, sql.toString());
	}

	/**
	 * The naive search: a sequential ILIKE over every segment, grouped by episode like
	 * /search (matching moments per episode, top 10 episodes by count, total count).
	 */
	private static void ilike(Connection connection, Query query) throws SQLException {
		consume(connection,
				"select s.episode_id, count(*) as moments, sum(count(*)) over () as total "
						+ "from transcript_segment s join episode e on e.id = s.episode_id where " + query.ilike()
						+ query.filter() + " group by s.episode_id, e.published_at order by "
						+ (query.newest() ? "e.published_at desc" : "moments desc") + ", s.episode_id limit 10 offset "
						+ (query.page() - 1) * 10);
	}

	private static void consume(Connection connection, String sql) throws SQLException {
		try (var st = connection.createStatement(); var rs = st.executeQuery(sql)) {
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

	private static long count(Connection connection, String sql, String q) throws SQLException {
		try (var st = connection.prepareStatement(sql)) {
			st.setString(1, q);
			try (var rs = st.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
