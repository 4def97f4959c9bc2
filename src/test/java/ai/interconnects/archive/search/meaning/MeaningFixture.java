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
 * Gives every episode of a test's archive its vectors, with the real model, in the
 * calling thread: loads the model, runs the worker until nothing is left, and loads the
 * index. Embedding the fixture takes tens of seconds on two cores, so the vectors made
 * are kept for the rest of the test run (by episode slug, moment and text hash) and
 * written back when a later test stores the same text again: each text is embedded once
 * per run.
 */
public final class MeaningFixture {

	private record Cached(int moments, byte[] hash, byte[] embedding) {
	}

	private static final Map<String, Cached> VECTORS = new ConcurrentHashMap<>();

	private MeaningFixture() {
	}

	/** Embeds every moment of the archive (needs {@code archive.meaning.enabled=true}). */
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

	private static String key(String slug, String kind, int position, byte[] hash) {
		return slug + "|" + kind + "|" + position + "|" + HexFormat.of().formatHex(hash);
	}

	/** Writes back the vectors of every waiting episode whose texts were all embedded. */
	private static void restore(JdbcClient jdbc, MomentTexts texts, String model) {
		var waiting = jdbc.sql("""
				select m.episode_id, e.slug from meaning_episode m join episode e on e.id = m.episode_id
				where m.stale or m.model is distinct from :model
				""").param("model", model).query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) }).list();
		for (var episode : waiting) {
			long id = (Long) episode[0];
			var rows = new ArrayList<VectorRepository.Row>();
			for (var moment : texts.of(id)) {
				var cached = VECTORS.get(key((String) episode[1], moment.kind().name(), moment.position(), moment.hash()));
				if (cached != null) {
					rows.add(new VectorRepository.Row(moment.kind(), moment.position(), moment.hash(),
							cached.embedding()));
				}
			}
			if (rows.isEmpty() || rows.size() != texts.of(id).size()) {
				continue;
			}
			new VectorRepository(jdbc).store(id, model, rows);
			jdbc.sql("""
					update meaning_episode set stale = false, model = :model, moments = :moments, embedded_at = now(),
					    revision = nextval('meaning_revision_seq')
					where episode_id = :id
					""").param("model", model).param("moments", rows.size()).param("id", id).update();
		}
	}

	private static void remember(JdbcClient jdbc, String model) {
		List<Object[]> rows = jdbc.sql("""
				select e.slug, v.kind, v.position, v.text_hash, v.embedding
				from moment_vector v join episode e on e.id = v.episode_id where v.model = :model
				""").param("model", model).query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getInt(3),
				rs.getBytes(4), rs.getBytes(5) }).list();
		for (var row : rows) {
			VECTORS.put(key((String) row[0], (String) row[1], (Integer) row[2], (byte[]) row[3]),
					new Cached(0, (byte[]) row[3], (byte[]) row[4]));
		}
	}

}
