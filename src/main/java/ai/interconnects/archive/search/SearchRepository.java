package ai.interconnects.archive.search;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The search SQL. Every value is a bind parameter; the statements are assembled only from
 * the fixed fragments below, one per filter that is set, so each filter combination gets
 * its own plan instead of one plan full of {@code :x is null or …}.
 * <p>
 * A search runs in two steps. {@link #episodes} finds and orders the matching episodes:
 * transcript matches are taken from the GIN index but at most {@code candidateLimit} of
 * them are ranked (ts_rank_cd costs about 2 µs a row, and a common word matches hundreds
 * of thousands of segments), while title, show-notes and chapter matches, far fewer, are
 * always all ranked. {@link #moments} then reads, for the ten or so episodes of the page
 * only, every matching moment exactly and computes ts_headline for the best few.
 */
@Repository
class SearchRepository {

	/** D (speech), C (notes), B (chapter titles), A (episode titles). */
	static final String WEIGHTS = "'{0.1, 0.2, 0.4, 1.0}'::float4[]";

	/**
	 * ts_rank_cd normalization 1: divide by 1 + log(length), so long texts do not win.
	 */
	static final int NORMALIZATION = 1;

	static final String TSQUERY = "websearch_to_tsquery('english', :q)";

	private static final String EXCERPT_OPTIONS = Highlights.OPTIONS + ", MinWords=12, MaxWords=30";

	private final JdbcClient jdbc;

	SearchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What websearch_to_tsquery made of the text: 0 nodes = only stop-words. */
	record Parsed(int nodes, boolean indexable) {
	}

	/**
	 * Parses the query and, in the same round trip, makes PostgreSQL plan every following
	 * statement of the current transaction for its actual query text
	 * ({@code set_config(…, true)} is {@code set local}). PgJDBC turns a statement run
	 * five times into a server-prepared one, and PostgreSQL may then reuse a generic plan
	 * that cannot know how common the searched words are: it would read a common word's
	 * whole posting list through the GIN index where a sequential scan stops after
	 * {@code :cap} rows (measured: 300 ms instead of 30 ms at 2 M segments). Planning
	 * costs about 2 ms. This statement itself is trivial, so its own plan does not
	 * matter.
	 */
	Parsed planForEachQueryAndParse(String query) {
		return this.jdbc
			.sql("select set_config('plan_cache_mode', 'force_custom_plan', true) as mode,"
					+ " numnode(q) as nodes, querytree(q) <> 'T' as indexable from " + TSQUERY + " q")
			.param("q", query)
			.query((rs, n) -> new Parsed(rs.getInt("nodes"), rs.getBoolean("indexable")))
			.single();
	}

	record EpisodeHit(long episodeId, long moments, double best) {
	}

	record EpisodeHits(List<EpisodeHit> episodes, long candidates) {
	}

	/**
	 * Every matching episode in result order, with its number of matching moments (each
	 * source counted among at most {@code candidateLimit + 1} rows) and its best rank.
	 */
	EpisodeHits episodes(SearchRequest request, int candidateLimit) {
		var sql = episodesSql(request);
		var spec = this.jdbc.sql(sql).param("q", request.query()).param("cap", candidateLimit + 1);
		for (var param : filterParams(request).entrySet()) {
			spec = spec.param(param.getKey(), param.getValue());
		}
		long[] candidates = { 0 };
		var rows = spec.query((rs, n) -> {
			candidates[0] = rs.getLong("candidates");
			return new EpisodeHit(rs.getLong("episode_id"), rs.getLong("moments"), rs.getDouble("best"));
		}).list();
		return new EpisodeHits(rows, candidates[0]);
	}

	/**
	 * The statement behind {@link #episodes}; public through {@link SearchService} only
	 * for the benchmark's EXPLAIN.
	 */
	static String episodesSql(SearchRequest request) {
		var dates = dateFilter(request, "e");
		var speaker = (request.speaker() != null) ? "      and lower(s.speaker) = lower(:speaker)\n" : "";
		// Each source is capped at :cap rows before anything is ranked: a very common
		// word
		// then costs a few thousand ts_rank_cd calls, not one per matching row. Below the
		// cap (any reasonably specific query) every match is ranked and counted exactly.
		var sql = new StringBuilder("""
				with segment_candidate as materialized (
				    select s.episode_id, s.search_vector
				    from transcript_segment s
				    {join}
				    where s.search_vector @@ {q}
				{speaker}{dates}    limit :cap
				)""".replace("{join}", dates.isEmpty() ? "" : "join episode e on e.id = s.episode_id")
			.replace("{speaker}", speaker));
		if (request.speaker() == null) {
			// a speaker filter asks for speech: titles, notes and chapters have no
			// speaker
			sql.append("""
					, chapter_candidate as materialized (
					    select c.episode_id, c.search_vector
					    from chapter c join episode e on e.id = c.episode_id
					    where c.search_vector @@ {q}
					{dates}    limit :cap
					), episode_candidate as materialized (
					    select e.id, e.title_vector, e.notes_vector
					    from episode e
					    where (e.title_vector @@ {q} or e.notes_vector @@ {q})
					{dates}    limit :cap
					)""");
		}
		sql.append("""
				, hit as (
				    select episode_id, count(*) as moments, max(ts_rank_cd({w}, search_vector, {q}, {n})) as best
				    from segment_candidate group by episode_id
				""");
		if (request.speaker() == null) {
			sql.append("""
					    union all
					    select episode_id, count(*), max(ts_rank_cd({w}, search_vector, {q}, {n}))
					    from chapter_candidate group by episode_id
					    union all
					    select id, (title_vector @@ {q})::int + (notes_vector @@ {q})::int,
					        greatest(ts_rank_cd({w}, title_vector, {q}, {n}), ts_rank_cd({w}, notes_vector, {q}, {n}))
					    from episode_candidate
					""");
		}
		sql.append("""
				)
				select h.episode_id, sum(h.moments) as moments, max(h.best) as best,
				    {candidates} as candidates
				from hit h join episode ep on ep.id = h.episode_id
				group by h.episode_id, ep.published_at
				""".replace("{candidates}", (request.speaker() == null)
				? "greatest((select count(*) from segment_candidate), (select count(*) from chapter_candidate), (select count(*) from episode_candidate))"
				: "(select count(*) from segment_candidate)"));
		sql.append((request.sort() == SearchSort.NEWEST) ? "order by ep.published_at desc nulls last, h.episode_id desc"
				: "order by max(h.best) desc, ep.published_at desc nulls last, h.episode_id desc");
		return sql.toString()
			.replace("{dates}", dates)
			.replace("{q}", TSQUERY)
			.replace("{w}", WEIGHTS)
			.replace("{n}", Integer.toString(NORMALIZATION));
	}

	record MomentRow(long episodeId, String kind, Integer position, Integer startSeconds, Integer earlierStart,
			String speaker, long moments, String headline) {
	}

	record EpisodeInfo(long id, String slug, String title, OffsetDateTime publishedAt) {
	}

	/** The page's episodes by id, and their best moments in order. */
	record PageMoments(Map<Long, EpisodeInfo> episodes, List<MomentRow> rows) {
	}

	/**
	 * The slug, title and date of each given episode, its best {@code perEpisode}
	 * moments, its exact number of matching moments and a ts_headline excerpt for the
	 * rows returned only. One statement: the episode details ride along (left join, so an
	 * episode without a moment still gets its row) instead of costing a round trip of
	 * their own.
	 */
	PageMoments moments(SearchRequest request, Collection<Long> episodeIds, int perEpisode) {
		if (episodeIds.isEmpty()) {
			return new PageMoments(Map.of(), List.of());
		}
		var speech = new StringBuilder();
		// ts_match_vq is @@ written as a function, which the planner cannot match to the
		// GIN index: for ten episodes, rechecking their ~400 segments each through the
		// (episode_id, position) index is cheaper than reading a common word's whole
		// posting list again.
		speech.append("    select s.episode_id, 'SEGMENT' as kind, 4 as kind_order, s.position, s.start_seconds,")
			.append(" s.speaker, s.text,\n")
			.append("        ts_rank_cd(")
			.append(WEIGHTS)
			.append(", s.search_vector, ")
			.append(TSQUERY)
			.append(", ")
			.append(NORMALIZATION)
			.append(") as rank\n")
			.append("    from transcript_segment s\n")
			.append("    where s.episode_id in (:ids) and ts_match_vq(s.search_vector, ")
			.append(TSQUERY)
			.append(")\n");
		if (request.speaker() != null) {
			speech.append("      and lower(s.speaker) = lower(:speaker)\n");
		}
		var others = new StringBuilder();
		if (request.speaker() == null) {
			others.append("    union all\n")
				.append("    select c.episode_id, 'CHAPTER', 2, c.position, c.start_seconds, null, c.title, ts_rank_cd(")
				.append(WEIGHTS)
				.append(", c.search_vector, ")
				.append(TSQUERY)
				.append(", ")
				.append(NORMALIZATION)
				.append(")\n")
				.append("    from chapter c where c.episode_id in (:ids) and c.search_vector @@ ")
				.append(TSQUERY)
				.append('\n')
				.append("    union all\n")
				.append("    select e.id, 'TITLE', 1, null, null, null, e.title, ts_rank_cd(")
				.append(WEIGHTS)
				.append(", e.title_vector, ")
				.append(TSQUERY)
				.append(", ")
				.append(NORMALIZATION)
				.append(")\n")
				.append("    from episode e where e.id in (:ids) and e.title_vector @@ ")
				.append(TSQUERY)
				.append('\n')
				.append("    union all\n")
				// the notes are sanitized HTML: excerpts are taken from their text
				.append("    select e.id, 'NOTES', 3, null, null, null,")
				.append(" regexp_replace(e.show_notes_html, '<[^>]*>', ' ', 'g'), ts_rank_cd(")
				.append(WEIGHTS)
				.append(", e.notes_vector, ")
				.append(TSQUERY)
				.append(", ")
				.append(NORMALIZATION)
				.append(")\n")
				.append("    from episode e where e.id in (:ids) and e.notes_vector @@ ")
				.append(TSQUERY)
				.append('\n');
		}
		var sql = "with moment as (\n" + speech + others + "), ranked as (\n"
				+ "    select m.*, row_number() over (partition by m.episode_id order by m.rank desc, m.kind_order, m.position) as rn,\n"
				+ "        count(*) over (partition by m.episode_id) as moments\n" + "    from moment m\n" + ")\n"
				+ "select ep.id as episode_id, ep.slug, ep.title, ep.published_at,\n"
				+ "    r.kind, r.position, r.start_seconds, r.speaker, r.moments,\n"
				// an untimed continuation opens at the nearest earlier timestamp
				+ "    case when r.kind = 'SEGMENT' and r.start_seconds is null then (\n"
				+ "        select p.start_seconds from transcript_segment p\n"
				+ "        where p.episode_id = r.episode_id and p.position < r.position and p.start_seconds is not null\n"
				+ "        order by p.position desc limit 1) end as earlier_start,\n" + "    ts_headline('english', "
				+ Highlights.SQL_STRIP.formatted("r.text") + ", " + TSQUERY + ", '" + EXCERPT_OPTIONS
				+ "') as headline\n"
				+ "from episode ep left join ranked r on r.episode_id = ep.id and r.rn <= :perEpisode\n"
				+ "where ep.id in (:ids)\n" + "order by ep.id, r.rn";
		var spec = this.jdbc.sql(sql)
			.param("q", request.query())
			.param("ids", episodeIds)
			.param("perEpisode", perEpisode);
		if (request.speaker() != null) {
			spec = spec.param("speaker", request.speaker());
		}
		var episodes = new HashMap<Long, EpisodeInfo>();
		var rows = new ArrayList<MomentRow>();
		spec.query((rs) -> {
			long id = rs.getLong("episode_id");
			if (!episodes.containsKey(id)) {
				episodes.put(id, new EpisodeInfo(id, rs.getString("slug"), rs.getString("title"),
						rs.getObject("published_at", OffsetDateTime.class)));
			}
			if (rs.getString("kind") != null) {
				rows.add(new MomentRow(id, rs.getString("kind"), (Integer) rs.getObject("position"),
						(Integer) rs.getObject("start_seconds"), (Integer) rs.getObject("earlier_start"),
						rs.getString("speaker"), rs.getLong("moments"), rs.getString("headline")));
			}
		});
		return new PageMoments(episodes, rows);
	}

	record SegmentRow(int position, Integer startSeconds, String text, String headline) {
	}

	/** Every matching segment of one episode, with ts_headline marking all matches. */
	List<SegmentRow> segmentsMatching(long episodeId, String query) {
		return this.jdbc
			.sql("select position, start_seconds, text, ts_headline('english', "
					+ Highlights.SQL_STRIP.formatted("text") + ", " + TSQUERY + ", '" + Highlights.OPTIONS
					+ ", HighlightAll=true') as headline\n" + "from transcript_segment\n"
					+ "where episode_id = :episode and ts_match_vq(search_vector, " + TSQUERY + ")\n"
					+ "order by position")
			.param("episode", episodeId)
			.param("q", query)
			.query((rs, n) -> new SegmentRow(rs.getInt("position"), (Integer) rs.getObject("start_seconds"),
					rs.getString("text"), rs.getString("headline")))
			.list();
	}

	List<String> speakers() {
		return this.jdbc.sql("select speaker from search_speaker order by segments desc, speaker limit 50")
			.query(String.class)
			.list();
	}

	private static String dateFilter(SearchRequest request, String alias) {
		var sql = new StringBuilder();
		if (request.from() != null) {
			sql.append("      and ").append(alias).append(".published_at >= :from\n");
		}
		if (request.to() != null) {
			sql.append("      and ").append(alias).append(".published_at < :to\n");
		}
		return sql.toString();
	}

	private static Map<String, Object> filterParams(SearchRequest request) {
		var params = new HashMap<String, Object>();
		if (request.speaker() != null) {
			params.put("speaker", request.speaker());
		}
		if (request.from() != null) {
			params.put("from", startOfDay(request.from()));
		}
		if (request.to() != null) {
			params.put("to", startOfDay(request.to().plusDays(1)));
		}
		return params;
	}

	private static OffsetDateTime startOfDay(LocalDate date) {
		return date.atStartOfDay().atOffset(ZoneOffset.UTC);
	}

	static List<Long> ids(List<EpisodeHit> hits) {
		var ids = new ArrayList<Long>(hits.size());
		hits.forEach((hit) -> ids.add(hit.episodeId()));
		return ids;
	}

}
