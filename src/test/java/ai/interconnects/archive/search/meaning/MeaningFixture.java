package ai.interconnects.archive.search.meaning;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gives every moment of a test's archive its vector, with the real model, in the calling
 * thread: loads the model, runs the worker until nothing is left, and loads the index.
 * Embedding the fixture takes tens of seconds on two cores, so every vector made is kept
 * for the rest of the test run by the hash of its text, and written back before the
 * worker runs when a later test stores the same text again: each text is embedded once
 * per run. (The worker itself reuses vectors of identical texts only within one database,
 * which each test class empties.)
 */
public final class MeaningFixture {

	private static final Map<String, byte[]> VECTORS = new ConcurrentHashMap<>();

	private MeaningFixture() {
	}

	/**
	 * Embeds every moment of the archive (needs {@code archive.meaning.enabled=true}).
	 */
	public static synchronized void embedAll(ApplicationContext context) {
		var engine = context.getBean(EmbeddingEngine.class);
		engine.load();
		assertThat(engine.state()).as(engine.reason()).isEqualTo(EmbeddingEngine.State.READY);
		var jdbc = context.getBean(JdbcClient.class);
		restore(jdbc, context.getBean(MomentTexts.class), engine.modelId());
		var worker = context.getBean(EmbeddingWorker.class);
		while (worker.embedNext()) {
			// one episode each time
		}
		remember(jdbc, engine.modelId());
		context.getBean(MeaningIndex.class).refresh();
	}

	/**
	 * Stores the known vectors of the waiting episodes' moments: the worker skips them.
	 */
	private static void restore(JdbcClient jdbc, MomentTexts texts, String model) {
		var repository = new VectorRepository(jdbc);
		var waiting = jdbc.sql("select episode_id from meaning_episode where stale or model is distinct from :model")
			.param("model", model)
			.query(Long.class)
			.list();
		for (long id : waiting) {
			var rows = new ArrayList<VectorRepository.Row>();
			for (var moment : texts.of(id)) {
				var known = VECTORS.get(HexFormat.of().formatHex(moment.hash()));
				if (known != null) {
					rows.add(new VectorRepository.Row(moment.kind(), moment.position(), moment.hash(), known));
				}
			}
			if (!rows.isEmpty()) {
				repository.store(id, model, rows);
			}
		}
	}

	private static void remember(JdbcClient jdbc, String model) {
		List<Object[]> rows = jdbc.sql("select text_hash, embedding from moment_vector where model = :model")
			.param("model", model)
			.query((rs, n) -> new Object[] { rs.getBytes(1), rs.getBytes(2) })
			.list();
		for (var row : rows) {
			VECTORS.put(HexFormat.of().formatHex((byte[]) row[0]), (byte[]) row[1]);
		}
	}

}
