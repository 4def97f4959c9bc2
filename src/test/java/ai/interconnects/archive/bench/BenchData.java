package ai.interconnects.archive.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * Builds a benchmark archive: {@code episodes} episodes of {@code segmentsPerEpisode}
 * transcript segments each, 5 chapters and short show notes per episode, loaded with
 * {@code COPY}. The schema comes from the app's own Flyway migrations; the transcript's
 * GIN index is dropped for the load and rebuilt afterwards with the migration's
 * definition (a bulk load, not the app's normal path), then the table is analyzed and the
 * vocabulary views refreshed as the app would after a poll.
 */
final class BenchData {

	private static final String[] SPEAKERS = { "Nathan Lambert", "Nathan Lambert", "Nathan Lambert", "Dean Ball",
			"Ross Taylor", "Sebastian Raschka", "Tulu Team", "Florian Brand" };

	private static final int BATCH_ROWS = 20_000;

	private BenchData() {
	}

	/** Applies the app's pending migrations; returns how many ran. */
	static int migrate(String url, String user, String password) {
		return Flyway.configure()
			.dataSource(url, user, password)
			.locations("classpath:db/migration")
			.load()
			.migrate().migrationsExecuted;
	}

	static void load(Connection connection, WordSampler words, int episodes, int segmentsPerEpisode)
			throws SQLException, IOException {
		connection.setAutoCommit(true);
		long started = System.nanoTime();
		var copy = connection.unwrap(PGConnection.class).getCopyAPI();
		try (var st = connection.createStatement()) {
			st.execute("insert into podcast (id, configured_url, feed_url, title) overriding system value "
					+ "values (1, 'bench:', 'bench:', 'Interconnects (benchmark)')");
			st.execute("drop index transcript_segment_search_vector_idx");
		}
		var start = Instant.parse("2010-01-01T12:00:00Z");
		var episodeRows = new StringBuilder();
		var chapterRows = new StringBuilder();
		for (int e = 1; e <= episodes; e++) {
			var published = start.plus(e, ChronoUnit.DAYS);
			var title = capitalize(words.text(5 + words.nextInt(6)));
			var notes = "<p>" + words.text(40 + words.nextInt(40)) + "</p><p>" + words.text(20 + words.nextInt(20))
					+ "</p>";
			episodeRows.append(e)
				.append('\t')
				.append("1\tbench-")
				.append(e)
				.append("\tbench-episode-")
				.append(e)
				.append('\t')
				.append(tsv(title))
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
				chapterRows.append(e * 10 + c)
					.append('\t')
					.append(e)
					.append('\t')
					.append(c)
					.append('\t')
					.append(c * 600)
					.append('\t')
					.append(tsv(capitalize(words.text(3 + words.nextInt(5)))))
					.append('\n');
			}
		}
		copy.copyIn(
				"copy episode (id, podcast_id, guid, slug, title, published_at, show_notes_html, content_hash, "
						+ "first_seen_at, last_seen_at, updated_at) from stdin",
				new StringReader(episodeRows.toString()));
		copy.copyIn("copy chapter (id, episode_id, position, start_seconds, title) from stdin",
				new StringReader(chapterRows.toString()));
		var rows = new StringBuilder();
		long id = 0;
		int inBatch = 0;
		for (int e = 1; e <= episodes; e++) {
			int seconds = 0;
			String speaker = SPEAKERS[0];
			for (int p = 0; p < segmentsPerEpisode; p++) {
				// one segment in eight continues the previous turn, untimed, as in real
				// transcripts
				boolean continuation = p > 0 && words.nextInt(8) == 0;
				if (!continuation) {
					speaker = SPEAKERS[words.nextInt(SPEAKERS.length)];
				}
				rows.append(++id)
					.append('\t')
					.append(e)
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
		copySegments(copy, rows);
		long copied = System.nanoTime();
		try (var st = connection.createStatement()) {
			st.execute("set maintenance_work_mem = '1GB'");
			st.execute(
					"create index transcript_segment_search_vector_idx on transcript_segment using gin (search_vector)");
			st.execute("vacuum analyze episode");
			st.execute("vacuum analyze chapter");
			st.execute("vacuum analyze transcript_segment");
			st.execute("vacuum analyze search_term");
			st.execute("vacuum analyze search_document");
			st.execute("refresh materialized view search_vocabulary");
			st.execute("refresh materialized view search_speaker");
			st.execute("update search_vocabulary_state set dirty = false, refreshed_at = now()");
			long done = System.nanoTime();
			var phases = String.format(
					"load %d s: COPY with the term statistics maintained by the V4 triggers %d s, then GIN index, ANALYZE and vocabulary %d s",
					(done - started) / 1_000_000_000, (copied - started) / 1_000_000_000,
					(done - copied) / 1_000_000_000);
			System.out.println(phases);
			st.execute("create table bench_loaded (segments bigint not null, phases text not null)");
			st.execute("insert into bench_loaded values (" + id + ", '" + phases + "')");
		}
	}

	/**
	 * Times re-ingesting one 400-segment episode the way EpisodeIngestService replaces a
	 * transcript (one transaction: delete the episode's segments, insert the new ones in
	 * JDBC batches of 100 as Hibernate does), five times without the V4 statistics
	 * triggers (the previous code) and five times with them, and returns the medians.
	 */
	static String reingest(Connection connection, SearchBenchmark.Size size) throws SQLException {
		long episode = size.episodes() / 2;
		var rows = new java.util.ArrayList<Object[]>();
		try (var st = connection.prepareStatement(
				"select position, start_seconds, speaker, text from transcript_segment where episode_id = ? order by position")) {
			st.setLong(1, episode);
			try (var rs = st.executeQuery()) {
				while (rs.next()) {
					rows.add(new Object[] { rs.getInt(1), rs.getObject(2), rs.getString(3), rs.getString(4) });
				}
			}
		}
		var triggers = java.util.List.of("transcript_segment_search_insert", "transcript_segment_search_update",
				"transcript_segment_search_delete");
		var medians = new double[2];
		try (var st = connection.createStatement()) {
			// the bulk load wrote explicit ids
			st.execute("select setval('transcript_segment_seq', (select max(id) from transcript_segment))");
		}
		for (int withStatistics = 0; withStatistics < 2; withStatistics++) {
			try (var st = connection.createStatement()) {
				for (var trigger : triggers) {
					st.execute("alter table transcript_segment " + ((withStatistics == 1) ? "enable" : "disable")
							+ " trigger " + trigger);
				}
			}
			var nanos = new long[6];
			for (int run = 0; run < nanos.length; run++) {
				long start = System.nanoTime();
				connection.setAutoCommit(false);
				try (var delete = connection.prepareStatement("delete from transcript_segment where episode_id = ?");
						var insert = connection.prepareStatement(
								"insert into transcript_segment (id, episode_id, position, start_seconds, speaker, text) "
										+ "values (nextval('transcript_segment_seq'), ?, ?, ?, ?, ?)")) {
					delete.setLong(1, episode);
					delete.executeUpdate();
					int batched = 0;
					for (var row : rows) {
						insert.setLong(1, episode);
						insert.setInt(2, (Integer) row[0]);
						insert.setObject(3, row[1]);
						insert.setString(4, (String) row[2]);
						insert.setString(5, (String) row[3]);
						insert.addBatch();
						if (++batched % 100 == 0) {
							insert.executeBatch();
						}
					}
					insert.executeBatch();
				}
				connection.commit();
				connection.setAutoCommit(true);
				nanos[run] = System.nanoTime() - start;
			}
			// the first run warms up
			var timed = java.util.Arrays.copyOfRange(nanos, 1, nanos.length);
			java.util.Arrays.sort(timed);
			medians[withStatistics] = timed[timed.length / 2] / 1_000_000.0;
		}
		try (var st = connection.createStatement()) {
			st.execute("select search_refresh_episode(" + episode + ")");
		}
		String loaded;
		try (var st = connection.createStatement(); var rs = st.executeQuery("select phases from bench_loaded")) {
			rs.next();
			loaded = rs.getString(1);
		}
		return String.format(
				"%s: %s. Re-ingest of one %d-segment episode (median of 5): %.1f ms without the statistics triggers, %.1f ms with them",
				size.database(), loaded, rows.size(), medians[0], medians[1]);
	}

	private static void copySegments(org.postgresql.copy.CopyManager copy, StringBuilder rows)
			throws SQLException, IOException {
		if (rows.isEmpty()) {
			return;
		}
		copy.copyIn("copy transcript_segment (id, episode_id, position, start_seconds, speaker, text) from stdin",
				new StringReader(rows.toString()));
		rows.setLength(0);
	}

	private static String capitalize(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/** COPY text format: backslash, tab and newline escaped. */
	private static String tsv(String value) {
		return value.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ");
	}

}
