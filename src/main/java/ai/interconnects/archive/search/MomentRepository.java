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
 * The matching moments and their ts_headline excerpts, read only for what is shown: step
 * three of a search ({@link #moments}, the page's ten or so episodes, every matching
 * moment with its own relevance and excerpts for the best few) and the matching segments
 * of one transcript ({@link #segmentsMatching}).
 */
@Repository
class MomentRepository {

	static final String EXCERPT_OPTIONS = Highlights.OPTIONS + ", MinWords=12, MaxWords=30";

	private final JdbcClient jdbc;

	MomentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A moment to show: its excerpt is ts_headline's choice over the analysed text, to be
	 * marked on the text as written ({@link AnalysedText#excerpt}).
	 */
	record MomentRow(long episodeId, MomentKind kind, Integer position, Integer startSeconds, Integer earlierStart,
			String speaker, long moments, AnalysedText text, String headline) {
	}

	record EpisodeInfo(long id, String slug, String title, OffsetDateTime publishedAt, long showId) {
	}

	/** The page's episodes by id, and their best moments in order. */
	record PageMoments(Map<Long, EpisodeInfo> episodes, List<MomentRow> rows) {
	}

	/**
	 * The slug, title and date of each given episode, its best {@code perEpisode}
	 * moments, its exact number of matching moments and a ts_headline excerpt for the
	 * rows returned only. A moment's relevance is the episode formula applied to the one
	 * text: the query lexemes' occurrences in it, weighted by its field and normalised by
	 * its length against the field's average moment, each lexeme saturated and weighted
	 * by its IDF. One statement: the episode details ride along (left join, so an episode
	 * without a moment still gets its row).
	 */
	PageMoments moments(SearchRequest request, QueryAnalysis.Analyzed query, Collection<Long> episodeIds,
			int perEpisode, List<String> lexemes, RankingRepository.Ranking ranking) {
		if (episodeIds.isEmpty()) {
			return new PageMoments(Map.of(), List.of());
		}
		var sql = """
				with moment as (
				    select s.episode_id, 'SEGMENT' as kind, 4 as kind_order, s.position, s.start_seconds, s.speaker,
				        s.text, s.search_vector as vector, s.search_length as length, :speechWeight as weight,
				        :speechLength as unit_length, :speechIdfs::float8[] as idfs
				    from transcript_segment s
				    where s.episode_id in (:ids) and ts_match_vq(s.search_vector, /*tsquery*/)
				      /*speaker*/
				/*others*/
				), scored as (
				    select m.*, /*relevance*/ as relevance
				    from moment m cross join lateral (/*counts*/) x
				), ranked as (
				    select m.*,
				        row_number() over (partition by m.episode_id order by m.relevance desc, m.kind_order, m.position) as rn,
				        count(*) over (partition by m.episode_id) as moments
				    from scored m
				)
				select ep.id as episode_id, ep.slug, ep.title, ep.published_at, ep.podcast_id,
				    r.kind, r.position, r.start_seconds, r.speaker, r.moments,
				    -- an untimed continuation opens at the nearest earlier timestamp
				    case when r.kind = 'SEGMENT' and r.start_seconds is null then (
				        select p.start_seconds from transcript_segment p
				        where p.episode_id = r.episode_id and p.position < r.position and p.start_seconds is not null
				        order by p.position desc limit 1) end as earlier_start,
				    a.text, a.analysed,
				    ts_headline('archive_search', translate(a.analysed, '<&', '  '), /*tsquery*/, :excerptOptions) as headline
				from episode ep
				left join ranked r on r.episode_id = ep.id and r.rn <= :perEpisode
				cross join lateral (select x.text, archive_search_text(x.text) as analysed
				    from (select /*stripped*/ as text) x) a
				where ep.id in (:ids)
				order by ep.id, r.rn
				"""
			.replace("/*speaker*/", SearchFilters.speaker(request))
			.replace("/*others*/", (request.speaker() != null) ? "" : """
					union all
					select c.episode_id, 'CHAPTER', 2, c.position, c.start_seconds, null, c.title,
					    c.search_vector, archive_search_length(c.search_vector), :chapterWeight, :chapterLength,
					    :chapterIdfs::float8[]
					from chapter c
					where c.episode_id in (:ids) and c.search_vector @@ /*tsquery*/
					union all
					select e.id, 'TITLE', 1, null, null, null, e.title, e.title_vector,
					    archive_search_length(e.title_vector), :titleWeight, :titleLength, :titleIdfs::float8[]
					from episode e
					where e.id in (:ids) and e.title_vector @@ /*tsquery*/
					union all
					-- the notes are sanitized HTML: excerpts are taken from their text
					select e.id, 'NOTES', 3, null, null, null, regexp_replace(e.show_notes_html, '<[^>]*>', ' ', 'g'),
					    e.notes_vector, archive_search_length(e.notes_vector), :notesWeight, :notesLength,
					    :notesIdfs::float8[]
					from episode e
					where e.id in (:ids) and e.notes_vector @@ /*tsquery*/""")
			.replace("/*stripped*/", Highlights.SQL_STRIP.formatted("r.text"))
			.replace("/*tsquery*/", QueryAnalysis.TSQUERY)
			.replace("/*relevance*/", momentRelevance(lexemes.size()))
			.replace("/*counts*/", lexemeCounts(lexemes.size()));
		var spec = bm25(this.jdbc.sql(sql)
			.param("tsquery", query.tsquery())
			.param("ids", episodeIds)
			.param("perEpisode", perEpisode)
			.param("excerptOptions", EXCERPT_OPTIONS)
			.param("lexemes", lexemes.toArray(String[]::new)), request, ranking);
		var episodes = new HashMap<Long, EpisodeInfo>();
		var rows = new ArrayList<MomentRow>();
		spec.query((rs) -> {
			long id = rs.getLong("episode_id");
			if (!episodes.containsKey(id)) {
				episodes.put(id, new EpisodeInfo(id, rs.getString("slug"), rs.getString("title"),
						rs.getObject("published_at", OffsetDateTime.class), rs.getLong("podcast_id")));
			}
			if (rs.getString("kind") != null) {
				rows.add(new MomentRow(id, MomentKind.valueOf(rs.getString("kind")), (Integer) rs.getObject("position"),
						(Integer) rs.getObject("start_seconds"), (Integer) rs.getObject("earlier_start"),
						rs.getString("speaker"), rs.getLong("moments"),
						new AnalysedText(rs.getString("text"), rs.getString("analysed")), rs.getString("headline")));
			}
		});
		return new PageMoments(episodes, rows);
	}

	/**
	 * Binds what {@link #momentRelevance} reads: the BM25 constants, each field's weight,
	 * average length and IDFs (speech only when the search is scoped to a speaker).
	 */
	private static JdbcClient.StatementSpec bm25(JdbcClient.StatementSpec spec, SearchRequest request,
			RankingRepository.Ranking ranking) {
		var lengths = ranking.unitLengths();
		spec = spec.param("speechIdfs", ranking.idfs().get(MomentKind.SEGMENT))
			.param("k1", Bm25.K1)
			.param("b", Bm25.B)
			.param("speechWeight", Bm25.SPEECH_WEIGHT)
			.param("speechLength", lengths.getOrDefault(MomentKind.SEGMENT, 1.0));
		if (request.speaker() != null) {
			return spec.param("speaker", request.speaker());
		}
		return spec.param("chapterWeight", Bm25.CHAPTER_WEIGHT)
			.param("chapterLength", lengths.getOrDefault(MomentKind.CHAPTER, 1.0))
			.param("titleWeight", Bm25.TITLE_WEIGHT)
			.param("titleLength", lengths.getOrDefault(MomentKind.TITLE, 1.0))
			.param("notesWeight", Bm25.NOTES_WEIGHT)
			.param("notesLength", lengths.getOrDefault(MomentKind.NOTES, 1.0))
			.param("titleIdfs", ranking.idfs().get(MomentKind.TITLE))
			.param("chapterIdfs", ranking.idfs().get(MomentKind.CHAPTER))
			.param("notesIdfs", ranking.idfs().get(MomentKind.NOTES));
	}

	/**
	 * A moment's relevance: per query lexeme k, its IDF in the moment's field times the
	 * field weight times its saturated, length-normalised count {@code x.tf_k} (length
	 * {@code m.length}: the tokens of its vector).
	 */
	static String momentRelevance(int lexemes) {
		var terms = new ArrayList<String>();
		for (int k = 1; k <= lexemes; k++) {
			terms.add(("m.idfs[%1$d] * m.weight * x.tf_%1$d * (:k1 + 1)"
					+ " / (x.tf_%1$d + :k1 * (1 - :b + :b * m.length / m.unit_length))")
				.formatted(k));
		}
		return terms.isEmpty() ? "0::float8" : String.join("\n            + ", terms);
	}

	/**
	 * Each query lexeme's occurrences in the moment's vector {@code m.vector},
	 * {@code x.tf_1} to {@code x.tf_N}: summed over the vector cut down to the query's
	 * lexemes first ({@link LexemeCounts#onlyQueryLexemes}).
	 */
	private static String lexemeCounts(int lexemes) {
		var counts = new ArrayList<String>();
		for (int k = 1; k <= lexemes; k++) {
			counts.add(("coalesce(sum(coalesce(cardinality(u.positions), 1))"
					+ " filter (where u.lexeme = (:lexemes::text[])[%1$d]), 0) as tf_%1$d")
				.formatted(k));
		}
		return "select " + (counts.isEmpty() ? "0 as no_lexeme" : String.join(",\n            ", counts))
				+ "\n        from unnest(" + LexemeCounts.onlyQueryLexemes("m.vector") + ") u";
	}

	record SegmentRow(int position, Integer startSeconds, AnalysedText text, String headline) {
	}

	/**
	 * Every matching segment of one episode, with ts_headline marking all matches in its
	 * analysed text.
	 */
	List<SegmentRow> segmentsMatching(long episodeId, QueryAnalysis.Analyzed query) {
		return this.jdbc
			.sql("""
					select s.position, s.start_seconds, a.text, a.analysed,
					    ts_headline('archive_search', a.analysed, /*tsquery*/, :options) as headline
					from transcript_segment s
					cross join lateral (select x.text, archive_search_text(x.text) as analysed
					    from (select /*stripped*/ as text) x) a
					where s.episode_id = :episode and ts_match_vq(s.search_vector, /*tsquery*/)
					order by s.position
					""".replace("/*stripped*/", Highlights.SQL_STRIP.formatted("s.text"))
				.replace("/*tsquery*/", QueryAnalysis.TSQUERY))
			.param("episode", episodeId)
			.param("tsquery", query.tsquery())
			.param("options", Highlights.OPTIONS + ", HighlightAll=true")
			.query((rs, n) -> new SegmentRow(rs.getInt("position"), (Integer) rs.getObject("start_seconds"),
					new AnalysedText(rs.getString("text"), rs.getString("analysed")), rs.getString("headline")))
			.list();
	}

}
