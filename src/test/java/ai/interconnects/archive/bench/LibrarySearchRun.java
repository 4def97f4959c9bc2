package ai.interconnects.archive.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /search} over the library: every query class of the search benchmark, plus the
 * show filter (one show, three shows) and people who speak on many shows, each timed next
 * to an episode page of the same app in the same minute (10 warm-up, then 50 timed
 * requests, one at a time), and the same query in Lucene as the anchor.
 */
final class LibrarySearchRun {

	/**
	 * A query class: its label, the query string after {@code /search?}, its Lucene form.
	 */
	record Query(String label, String query, BenchRun.LuceneQuery lucene) {
	}

	/** One measured class: /search and Lucene timings, and the episode page's p95. */
	record Line(Query query, BenchRun.Timing search, BenchRun.Timing lucene, double episodeP95, String load) {

		double ratio() {
			return this.search.p95() / this.episodeP95;
		}

	}

	private LibrarySearchRun() {
	}

	static List<Query> queries(Connection connection, LuceneAnchor lucene) throws Exception {
		String rare;
		try (var rs = connection.createStatement()
			.executeQuery("select word from search_vocabulary where length(word) >= 6 "
					+ "and numnode(websearch_to_tsquery('english', word)) > 0 order by ndoc, word limit 1")) {
			rs.next();
			rare = rs.getString(1);
		}
		long show7 = showId(connection, "bench-show-7");
		long[] three = { showId(connection, "bench-show-3"), show7, showId(connection, "bench-show-12") };
		return List.of(new Query("rare word", "q=" + enc(rare), (l) -> l.word(rare, null)),
				new Query("common word", "q=models", (l) -> l.word("models", null)),
				new Query("two words", "q=government+chips",
						(l) -> LuceneAnchor.all(l.word("government", null), l.word("chips", null))),
				new Query("phrase", "q=%22open+models%22", (l) -> l.phrase("open models")),
				new Query("phrase -exclusion", "q=%22open+models%22+-china",
						(l) -> l.excluding(l.phrase("open models"), "china")),
				new Query("or", "q=government+or+chips",
						(l) -> LuceneAnchor.any(l.word("government", null), l.word("chips", null))),
				new Query("speaker filter (Dean Ball, 66 shows)", "q=models&speaker=Dean+Ball",
						(l) -> l.word("models", "Dean Ball")),
				new Query("sort=newest", "q=models&sort=newest", (l) -> l.word("models", null)),
				new Query("page 5, common word", "q=models&page=5", (l) -> l.word("models", null)),
				new Query("no hit", "q=xylophonic", (l) -> l.word("xylophonic", null)),
				new Query("show filter", "q=models&show=bench-show-7",
						(l) -> LuceneAnchor.inShows(l.word("models", null), show7)),
				new Query("three shows", "q=models&show=bench-show-3,bench-show-7,bench-show-12",
						(l) -> LuceneAnchor.inShows(l.word("models", null), three)),
				new Query("speaker across shows, rarer word", "q=government&speaker=Nathan+Lambert",
						(l) -> l.word("government", "Nathan Lambert")),
				new Query("speaker and show", "q=models&speaker=Dean+Ball&show=bench-show-3",
						(l) -> LuceneAnchor.inShows(l.word("models", "Dean Ball"), three[0])));
	}

	static List<Line> measure(String base, List<Query> queries, LuceneAnchor lucene, String episodePath)
			throws Exception {
		var http = HttpClient.newHttpClient();
		var lines = new ArrayList<Line>();
		for (var query : queries) {
			var episode = BenchRun.time(BenchRun.WARM_UP, BenchRun.REQUESTS,
					() -> get(http, base + episodePath, "<h1"));
			var search = BenchRun.time(BenchRun.WARM_UP, BenchRun.REQUESTS,
					() -> get(http, base + "/search?" + query.query(), "<h1>Search</h1>"));
			var load = BenchRun.loadAverage();
			var built = query.lucene().build(lucene);
			var luceneTime = BenchRun.time(BenchRun.WARM_UP, BenchRun.REQUESTS, () -> lucene.top(built, false, 0));
			var line = new Line(query, search, luceneTime, episode.p95(), load);
			System.out.printf(
					"library %-34s search p50=%.1f p95=%.1f | episode p95=%.1f | ratio %.2f | lucene p50=%.2f%n",
					query.label(), search.p50(), search.p95(), episode.p95(), line.ratio(), luceneTime.p50());
			lines.add(line);
		}
		return lines;
	}

	private static long showId(Connection connection, String slug) throws Exception {
		try (var st = connection.prepareStatement("select id from podcast where slug = ?")) {
			st.setString(1, slug);
			try (var rs = st.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private static void get(HttpClient http, String url, String expected) throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200 || !response.body().contains(expected)) {
			throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
