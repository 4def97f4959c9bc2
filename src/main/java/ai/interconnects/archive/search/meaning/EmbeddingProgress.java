package ai.interconnects.archive.search.meaning;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How far the background embedding is, for the admin page ("7,420 of 9,840 moments
 * embedded") and for search, which stays keyword-only until the archive has vectors.
 */
@Repository
class EmbeddingProgress {

	private final JdbcClient jdbc;

	EmbeddingProgress(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Moments with a vector of the current model, of all moments, and the episodes
	 * waiting.
	 *
	 * @param estimated whether {@code total} counts some episodes' moments from their
	 * chapters, paragraphs and show-notes blocks (those not embedded yet), not exactly
	 */
	record Counts(long embedded, long total, long episodesWaiting, boolean estimated) {

		boolean complete() {
			return this.episodesWaiting == 0;
		}

	}

	Counts counts(String model) {
		return this.jdbc.sql("""
				with state as (
				    select m.episode_id, m.moments, not m.stale and m.model is not distinct from :model as done
				    from meaning_episode m
				)
				select
				    coalesce(sum(s.moments) filter (where s.done), 0)
				        + coalesce(sum((select count(*) from moment_vector v
				                        where v.episode_id = s.episode_id and v.model = :model))
				                   filter (where not s.done), 0) as embedded,
				    coalesce(sum(s.moments) filter (where s.done), 0)
				        + coalesce(sum(1 + coalesce(d.chapter_units, 0) + coalesce(d.speech_units, 0)
				                       + regexp_count(coalesce(e.show_notes_html, ''),
				                                      '<(p|li|h[1-6]|blockquote|pre|dt|dd|figcaption)[\\s>]'))
				                   filter (where not s.done), 0) as total,
				    count(*) filter (where not s.done) as waiting
				from state s
				join episode e on e.id = s.episode_id
				left join search_document d on d.episode_id = s.episode_id
				""").param("model", (model != null) ? model : "").query((rs, n) -> {
			long waiting = rs.getLong("waiting");
			long embedded = rs.getLong("embedded");
			return new Counts(embedded, Math.max(embedded, rs.getLong("total")), waiting, waiting > 0);
		}).single();
	}

}
