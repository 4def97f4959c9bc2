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

	static void migrate(String url, String user, String password) {
		Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
	}

	static void load(Connection connection, WordSampler words, int episodes, int segmentsPerEpisode)
			throws SQLException, IOException {
		connection.setAutoCommit(true);
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
		try (var st = connection.createStatement()) {
			st.execute("set maintenance_work_mem = '1GB'");
			st.execute(
					"create index transcript_segment_search_vector_idx on transcript_segment using gin (search_vector)");
			st.execute("vacuum analyze episode");
			st.execute("vacuum analyze chapter");
			st.execute("vacuum analyze transcript_segment");
			st.execute("refresh materialized view search_vocabulary");
			st.execute("refresh materialized view search_speaker");
			st.execute("update search_vocabulary_state set dirty = false, refreshed_at = now()");
			st.execute("create table bench_loaded (segments bigint not null)");
			st.execute("insert into bench_loaded values (" + id + ")");
		}
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
