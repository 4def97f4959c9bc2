package ai.interconnects.archive.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.postgresql.PGConnection;

/**
 * Builds the library benchmark's archive: {@code shows} shows of {@code episodes}
 * episodes of {@code segments} transcript segments each (200 × 25 × 400 = 2 M), five
 * chapters and notes per episode, loaded with {@code COPY} into the schema of the app's
 * own migrations (V13 and later included), the transcript's GIN index rebuilt after the
 * load, then analyzed and the vocabulary refreshed, as {@link BenchData} does for one
 * show.
 * <p>
 * Each show has its own host (see {@link LibraryFeeds#hostName}) and guests from a small
 * pool, and two people speak on most shows: Dean Ball on every third show, Nathan Lambert
 * on every fourth, for the cross-show speaker queries. Episode slugs repeat from show to
 * show ({@code episode-1} … {@code episode-25}), as titles do in a real library. The
 * first show is published weekly over the last years like the others; every show's
 * episodes interleave in time.
 */
final class LibraryBenchData {

	private static final String[] GUESTS = { "Ada Mensah", "Sam Ortega", "Miriam Okafor", "Priya Raman", "Hannah Weiss",
			"Jonas Keller", "Lea Brandt", "Tulu Team" };

	private static final int BATCH_ROWS = 20_000;

	private LibraryBenchData() {
	}

	static void load(Connection connection, WordSampler words, int shows, int episodes, int segments)
			throws SQLException, IOException {
		connection.setAutoCommit(true);
		long started = System.nanoTime();
		var copy = connection.unwrap(PGConnection.class).getCopyAPI();
		var showRows = new StringBuilder();
		for (int n = 1; n <= shows; n++) {
			var title = "Bench Show " + n + ": " + capitalize(words.text(3));
			showRows.append(n)
				.append('\t')
				.append("https://feeds.bench.example/")
				.append(n)
				.append(".xml\thttps://feeds.bench.example/")
				.append(n)
				.append(".xml\t")
				.append(tsv(title))
				.append("\tbench-show-")
				.append(n)
				.append("\thttps://show-")
				.append(n)
				.append(".bench.example/cover.jpg\n");
		}
		copy.copyIn("copy podcast (id, configured_url, feed_url, title, slug, image_url) from stdin",
				new StringReader(showRows.toString()));
		try (var st = connection.createStatement()) {
			st.execute("select setval(pg_get_serial_sequence('podcast', 'id'), " + shows + ")");
			st.execute("drop index transcript_segment_search_vector_idx");
		}
		var start = Instant.parse("2022-01-03T12:00:00Z");
		var episodeRows = new StringBuilder();
		var chapterRows = new StringBuilder();
		long episodeId = 0;
		for (int n = 1; n <= shows; n++) {
			for (int e = 1; e <= episodes; e++) {
				episodeId++;
				var published = start.plus((long) e * 7, ChronoUnit.DAYS).plus(n * 37L, ChronoUnit.MINUTES);
				var notes = "<p>" + words.text(40 + words.nextInt(40)) + "</p>";
				episodeRows.append(episodeId)
					.append('\t')
					.append(n)
					.append("\tbench-")
					.append(n)
					.append('-')
					.append(e)
					.append("\tepisode-")
					.append(e)
					.append('\t')
					.append(tsv(capitalize(words.text(5 + words.nextInt(6)))))
					.append('\t')
					.append(published)
					.append('\t')
					.append(tsv(notes))
					.append("\thash\t")
					.append(published)
					.append('\t')
					.append(published)
					.append('\t')
					.append(published)
					.append('\n');
				for (int c = 0; c < 5; c++) {
					chapterRows.append(episodeId * 10 + c)
						.append('\t')
						.append(episodeId)
						.append('\t')
						.append(c)
						.append('\t')
						.append(c * 600)
						.append('\t')
						.append(tsv(capitalize(words.text(3 + words.nextInt(5)))))
						.append('\n');
				}
			}
		}
		copy.copyIn(
				"copy episode (id, podcast_id, guid, slug, title, published_at, show_notes_html, content_hash, "
						+ "first_seen_at, last_seen_at, updated_at) from stdin",
				new StringReader(episodeRows.toString()));
		copy.copyIn("copy chapter (id, episode_id, position, start_seconds, title) from stdin",
				new StringReader(chapterRows.toString()));
		long segmentCount = segments(copy, words, shows, episodes, segments);
		long copied = System.nanoTime();
		try (var st = connection.createStatement()) {
			st.execute("select setval('episode_seq', " + (episodeId + 100) + ")");
			st.execute("set maintenance_work_mem = '1GB'");
			st.execute(
					"create index transcript_segment_search_vector_idx on transcript_segment using gin (search_vector)");
			for (var table : new String[] { "podcast", "episode", "chapter", "transcript_segment", "search_term",
					"search_document" }) {
				st.execute("vacuum analyze " + table);
			}
			st.execute("refresh materialized view search_vocabulary");
			st.execute("refresh materialized view search_speaker");
			st.execute("update search_vocabulary_state set dirty = false, refreshed_at = now()");
			long done = System.nanoTime();
			var phases = String.format(
					"load %d s: COPY of %d shows, %d episodes, %d segments with the V4 statistics triggers %d s, "
							+ "then GIN index, ANALYZE and vocabulary %d s",
					(done - started) / 1_000_000_000, shows, episodeId, segmentCount,
					(copied - started) / 1_000_000_000, (done - copied) / 1_000_000_000);
			System.out.println(phases);
			st.execute("create table bench_loaded (segments bigint not null, phases text not null)");
			st.execute("insert into bench_loaded values (" + segmentCount + ", '" + phases + "')");
		}
	}

	private static long segments(org.postgresql.copy.CopyManager copy, WordSampler words, int shows, int episodes,
			int segments) throws SQLException, IOException {
		var rows = new StringBuilder();
		long id = 0;
		long episodeId = 0;
		int inBatch = 0;
		for (int n = 1; n <= shows; n++) {
			var host = LibraryFeeds.hostName(n);
			for (int e = 1; e <= episodes; e++) {
				episodeId++;
				var guest = guest(n, e);
				int seconds = 0;
				String speaker = host;
				for (int p = 0; p < segments; p++) {
					boolean continuation = p > 0 && words.nextInt(8) == 0;
					if (!continuation) {
						speaker = (words.nextInt(2) == 0) ? host : guest;
					}
					rows.append(++id)
						.append('\t')
						.append(episodeId)
						.append('\t')
						.append(p)
						.append('\t')
						.append(continuation ? "\\N" : Integer.toString(seconds))
						.append('\t')
						.append(continuation ? "\\N" : tsv(speaker))
						.append('\t')
						.append(tsv(words.text(10 + words.nextInt(41))))
						.append('\n');
					seconds += 5 + words.nextInt(20);
					if (++inBatch == BATCH_ROWS) {
						copySegments(copy, rows);
						inBatch = 0;
					}
				}
			}
		}
		copySegments(copy, rows);
		return id;
	}

	/**
	 * The guest of episode {@code e} of show {@code n}: Dean Ball and Nathan Lambert on
	 * many shows.
	 */
	static String guest(int n, int e) {
		if (n % 3 == 0 && e % 5 == 1) {
			return "Dean Ball";
		}
		if (n % 4 == 0 && e % 6 == 2) {
			return "Nathan Lambert";
		}
		return GUESTS[(n + e) % GUESTS.length];
	}

	private static void copySegments(org.postgresql.copy.CopyManager copy, StringBuilder rows)
			throws SQLException, IOException {
		if (!rows.isEmpty()) {
			copy.copyIn("copy transcript_segment (id, episode_id, position, start_seconds, speaker, text) from stdin",
					new StringReader(rows.toString()));
			rows.setLength(0);
		}
	}

	private static String capitalize(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static String tsv(String value) {
		return value.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ");
	}

}
