package ai.interconnects.archive.search;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the hybrid ranking's page shows of its episodes: the text of the few moments
 * shown, marked where words matched (the moments that hold query words are
 * {@link WordMoments}, the notes' paragraphs {@link ShowNotesParagraphs}).
 */
@Repository
class HybridMoments {

	private final JdbcClient jdbc;

	HybridMoments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The query's lexemes as a tsquery of alternatives, not normalised again. */
	static final String ANY_WORD = "(select array_to_string(array(select quote_literal(l) from unnest(:lexemes::text[]) l), ' | ')::tsquery)";

	/** A moment to show; {@code words}: mark the query words in its excerpt. */
	record Shown(long episodeId, MomentKind kind, int position, boolean words) {
	}

	/**
	 * What is shown of each moment: its text, when and who, and for moments found by
	 * words a ts_headline excerpt with the matches marked. A notes paragraph's text is
	 * given ({@code notes}).
	 */
	record ShownRow(Shown moment, AnalysedText text, Integer startSeconds, Integer earlierStart, String speaker,
			String headline) {
	}

	Map<Shown, ShownRow> shown(List<Shown> moments, List<String> lexemes, Map<String, String> notes) {
		var rows = new HashMap<Shown, ShownRow>();
		if (moments.isEmpty()) {
			return rows;
		}
		this.jdbc
			.sql("""
					with q as (select /*any*/ as query),
					chosen as (
					    select * from unnest(:episodes::bigint[], :kinds::text[], :positions::int[], :words::boolean[],
					            :texts::text[])
					        as c(episode_id, kind, position, words, given_text)
					), shown as (
					    select c.*, case c.kind when 'SEGMENT' then s.text when 'CHAPTER' then ch.title
					            when 'TITLE' then e.title else c.given_text end as text,
					        coalesce(s.start_seconds, ch.start_seconds) as start_seconds, s.speaker,
					        case when c.kind = 'SEGMENT' and s.start_seconds is null then (
					            select p.start_seconds from transcript_segment p
					            where p.episode_id = c.episode_id and p.position < c.position and p.start_seconds is not null
					            order by p.position desc limit 1) end as earlier_start
					    from chosen c
					    join episode e on e.id = c.episode_id
					    left join transcript_segment s on c.kind = 'SEGMENT' and s.episode_id = c.episode_id and s.position = c.position
					    left join chapter ch on c.kind = 'CHAPTER' and ch.episode_id = c.episode_id and ch.position = c.position
					)
					select sh.*, a.written, a.analysed, case when sh.words and not :noWords then
					        ts_headline('archive_search', translate(a.analysed, '<&', '  '), q.query, :options)
					        end as headline
					from shown sh cross join q
					cross join lateral (select x.written, archive_search_text(x.written) as analysed
					    from (select /*stripped*/ as written) x) a
					"""
				.replace("/*any*/", lexemes.isEmpty() ? "''::tsquery" : ANY_WORD)
				.replace("/*stripped*/", Highlights.SQL_STRIP.formatted("sh.text")))
			.param("episodes", moments.stream().map(Shown::episodeId).toArray(Long[]::new))
			.param("kinds", moments.stream().map((m) -> m.kind().name()).toArray(String[]::new))
			.param("positions", moments.stream().map(Shown::position).toArray(Integer[]::new))
			.param("words", moments.stream().map(Shown::words).toArray(Boolean[]::new))
			.param("texts",
					moments.stream()
						.map((m) -> (m.kind() == MomentKind.NOTES)
								? notes.get(ShowNotesParagraphs.key(m.episodeId(), m.position())) : null)
						.toArray(String[]::new))
			.param("lexemes", lexemes.toArray(String[]::new))
			.param("noWords", lexemes.isEmpty())
			.param("options", MomentRepository.EXCERPT_OPTIONS)
			.query((rs) -> {
				var moment = new Shown(rs.getLong("episode_id"), MomentKind.valueOf(rs.getString("kind")),
						rs.getInt("position"), rs.getBoolean("words"));
				rows.put(moment,
						new ShownRow(moment, new AnalysedText(rs.getString("written"), rs.getString("analysed")),
								(Integer) rs.getObject("start_seconds"), (Integer) rs.getObject("earlier_start"),
								rs.getString("speaker"), rs.getString("headline")));
			});
		return rows;
	}

	/** Slug, title and date of each episode. */
	Map<Long, MomentRepository.EpisodeInfo> episodes(Collection<Long> ids) {
		var episodes = new HashMap<Long, MomentRepository.EpisodeInfo>();
		if (ids.isEmpty()) {
			return episodes;
		}
		this.jdbc.sql("select id, slug, title, published_at, podcast_id from episode where id = any(:ids)")
			.param("ids", ids.toArray(Long[]::new))
			.query((rs) -> {
				episodes.put(rs.getLong("id"),
						new MomentRepository.EpisodeInfo(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
								rs.getObject("published_at", OffsetDateTime.class), rs.getLong("podcast_id")));
			});
		return episodes;
	}

}
