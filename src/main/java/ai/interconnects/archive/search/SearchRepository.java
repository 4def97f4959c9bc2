package ai.interconnects.archive.search;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The search SQL: one text block per statement; only the filter fragments below are
 * spliced in (one per filter that is set, so each combination gets its own plan), every
 * value is a bind parameter.
 * <p>
 * A search runs in three steps. {@link #rank} orders every episode that contains a query
 * word by BM25F from the term statistics (V4 migration), reading only the query words'
 * rows. {@link #matching} then checks the query's exact boolean and phrase form, one
 * segment (or title, chapter title, notes) at a time, for the best-ranked episodes only,
 * as many as the page needs. {@link #moments} finally reads, for the page's ten or so
 * episodes, every matching moment with its own relevance, and excerpts for the best few.
 */
@Repository
class SearchRepository {

	private static final String TSQUERY = "websearch_to_tsquery('english', :q)";

	private static final String EXCERPT_OPTIONS = Highlights.OPTIONS + ", MinWords=12, MaxWords=30";

	private final JdbcClient jdbc;

	SearchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What websearch_to_tsquery made of the text: 0 nodes = only stop-words; its text
	 * form for {@link QueryTree}.
	 */
	record Parsed(int nodes, boolean indexable, String tsquery) {
	}

	/**
	 * Parses the query and, in the same round trip, makes PostgreSQL plan every following
	 * statement of the current transaction for its actual parameters
	 * ({@code set_config(…, true)} is {@code set local}). PgJDBC turns a statement run
	 * five times into a server-prepared one, and PostgreSQL may then reuse a generic plan
	 * that cannot know how common the searched words are (measured in run 1 of
	 * BENCHMARKS.md: ten times slower for a common word). Planning costs about 2 ms.
	 */
	Parsed planForEachQueryAndParse(String query) {
		return this.jdbc.sql("""
				select set_config('plan_cache_mode', 'force_custom_plan', true) as mode,
				    numnode(q) as nodes, querytree(q) <> 'T' as indexable, q::text as tsquery
				from websearch_to_tsquery('english', :q) q
				""")
			.param("q", query)
			.query((rs, n) -> new Parsed(rs.getInt("nodes"), rs.getBoolean("indexable"), rs.getString("tsquery")))
			.single();
	}

	/**
	 * An episode containing at least one query word.
	 *
	 * @param units matching moments of each query lexeme (by index into the lexeme list)
	 * in the episode: segments and chapters containing it, title and notes if they do
	 */
	record Candidate(long episodeId, double score, int[] units) {
	}

	/**
	 * Every candidate in result order, and what {@link #moments} needs to score moments
	 * alike: each lexeme's IDF (0 for a word the archive lacks) and each field's average
	 * moment length.
	 */
	record Ranking(List<Candidate> candidates, Map<MomentKind, double[]> idfs, Map<MomentKind, Double> unitLengths) {
	}

	/**
	 * BM25F over the term statistics (see {@link Bm25} and README "Search"). IDF and the
	 * average lengths are archive-wide (filters do not change them). With a speaker
	 * filter only speech counts: titles, chapters and notes have no speaker. The score is
	 * rounded so that floating-point summation order (which follows physical row order)
	 * can never reorder equal episodes; ties go to the newer episode, then the higher id.
	 */
	Ranking rank(SearchRequest request, List<String> lexemes) {
		boolean speech = request.speaker() != null;
		var sql = """
				with corpus as (
				    select count(*) filter (where title_length > 0)::float8 as title_docs,
				        count(*) filter (where chapter_length > 0)::float8 as chapter_docs,
				        count(*) filter (where notes_length > 0)::float8 as notes_docs,
				        count(*) filter (where speech_length > 0)::float8 as speech_docs,
				        coalesce(avg(nullif(title_length, 0)), 1)::float8 as title_avg,
				        coalesce(avg(nullif(chapter_length, 0)), 1)::float8 as chapter_avg,
				        coalesce(avg(nullif(notes_length, 0)), 1)::float8 as notes_avg,
				        coalesce(avg(nullif(speech_length, 0)), 1)::float8 as speech_avg,
				        coalesce(sum(chapter_length)::float8 / nullif(sum(chapter_units), 0), 1) as chapter_unit_avg,
				        coalesce(sum(speech_length)::float8 / nullif(sum(speech_units), 0), 1) as speech_unit_avg
				    from search_document
				), term as (
				    select q.i::int as i, t.*
				    from unnest(:lexemes::text[]) with ordinality as q(lexeme, i)
				    join search_term t on t.lexeme = q.lexeme
				), df as (
				    select t.i,
				        count(*) filter (where t.title_tf > 0) as title_df,
				        count(*) filter (where t.chapter_tf > 0) as chapter_df,
				        count(*) filter (where t.notes_tf > 0) as notes_df,
				        count(*) filter (where t.speech_tf > 0) as speech_df
				    from term t
				    group by t.i
				), idf as (
				    select df.i,
				        ln(1 + (c.title_docs - title_df + 0.5) / (title_df + 0.5)) as title_idf,
				        ln(1 + (c.chapter_docs - chapter_df + 0.5) / (chapter_df + 0.5)) as chapter_idf,
				        ln(1 + (c.notes_docs - notes_df + 0.5) / (notes_df + 0.5)) as notes_idf,
				        ln(1 + (c.speech_docs - speech_df + 0.5) / (speech_df + 0.5)) as speech_idf
				    from df cross join corpus c
				), weighted as (
				    select t.episode_id, t.i, /*units*/ as units, /*score*/ as score
				    from term t
				    join idf i on i.i = t.i
				    join search_document d on d.episode_id = t.episode_id
				    cross join corpus c
				    where /*present*/
				)
				select e.id as episode_id,
				    round(sum(w.score)::numeric, 9)::float8 as score,
				    array_agg(w.i order by w.i) as lexeme_indexes,
				    array_agg(w.units order by w.i) as units,
				    (select array_agg(array[i, title_idf, chapter_idf, notes_idf, speech_idf]) from idf) as idfs,
				    (select array[title_avg, chapter_unit_avg, notes_avg, speech_unit_avg] from corpus) as unit_lengths
				from weighted w
				join episode e on e.id = w.episode_id
				where true /*dates*/
				group by e.id, e.published_at
				order by /*order*/
				"""
			.replace("/*units*/",
					speech ? "t.speech_units"
							: "t.speech_units + t.chapter_units + (t.title_tf > 0)::int + (t.notes_tf > 0)::int")
			.replace("/*score*/",
					speech ? fieldScore("speech")
							: String.join("\n            + ", fieldScore("title"), fieldScore("chapter"),
									fieldScore("notes"), fieldScore("speech")))
			.replace("/*present*/", speech ? "t.speech_tf > 0" : "true")
			.replace("/*dates*/", dateFilter(request))
			.replace("/*order*/", (request.sort() == SearchSort.NEWEST) ? "e.published_at desc nulls last, e.id desc"
					: "score desc, e.published_at desc nulls last, e.id desc");
		var spec = this.jdbc.sql(sql)
			.param("lexemes", lexemes.toArray(String[]::new))
			.param("k1", Bm25.K1)
			.param("b", Bm25.B)
			.param("titleWeight", Bm25.TITLE_WEIGHT)
			.param("chapterWeight", Bm25.CHAPTER_WEIGHT)
			.param("notesWeight", Bm25.NOTES_WEIGHT)
			.param("speechWeight", Bm25.SPEECH_WEIGHT);
		for (var param : dateParams(request).entrySet()) {
			spec = spec.param(param.getKey(), param.getValue());
		}
		var idfs = new HashMap<MomentKind, double[]>();
		for (var kind : MomentKind.values()) {
			idfs.put(kind, new double[lexemes.size()]);
		}
		var unitLengths = new HashMap<MomentKind, Double>();
		var candidates = spec.query((rs, n) -> {
			if (n == 0) {
				// one {lexeme index, title, chapter, notes, speech IDF} per lexeme
				for (var row : (Double[][]) rs.getArray("idfs").getArray()) {
					int i = row[0].intValue() - 1;
					idfs.get(MomentKind.TITLE)[i] = row[1];
					idfs.get(MomentKind.CHAPTER)[i] = row[2];
					idfs.get(MomentKind.NOTES)[i] = row[3];
					idfs.get(MomentKind.SEGMENT)[i] = row[4];
				}
				var lengths = (Double[]) rs.getArray("unit_lengths").getArray();
				unitLengths.put(MomentKind.TITLE, lengths[0]);
				unitLengths.put(MomentKind.CHAPTER, lengths[1]);
				unitLengths.put(MomentKind.NOTES, lengths[2]);
				unitLengths.put(MomentKind.SEGMENT, lengths[3]);
			}
			var indexes = (Integer[]) rs.getArray("lexeme_indexes").getArray();
			var counts = (Integer[]) rs.getArray("units").getArray();
			var units = new int[lexemes.size()];
			for (int i = 0; i < indexes.length; i++) {
				units[indexes[i] - 1] = counts[i];
			}
			return new Candidate(rs.getLong("episode_id"), rs.getDouble("score"), units);
		}).list();
		return new Ranking(candidates, idfs, unitLengths);
	}

	/**
	 * One field's BM25 for one lexeme, times the field's weight: occurrences saturated
	 * with k1 after length normalisation against the field's average length.
	 */
	private static String fieldScore(String field) {
		return ":%1$sWeight * i.%1$s_idf * t.%1$s_tf * (:k1 + 1) / (t.%1$s_tf + :k1 * (1 - :b + :b * d.%1$s_length / c.%1$s_avg))"
			.formatted(field);
	}

	/**
	 * Which of the given episodes match the query exactly: some segment (of the speaker,
	 * when filtered), chapter title, episode title or notes text matches the whole
	 * tsquery, phrases included. Each check is a scalar subquery, which PostgreSQL runs
	 * per episode through the {@code (episode_id, position)} index and stops at the first
	 * match; {@code ts_match_vq} is {@code @@} in a form the planner does not turn into a
	 * read of the word's whole GIN posting list.
	 */
	Set<Long> matching(SearchRequest request, Collection<Long> episodeIds) {
		if (episodeIds.isEmpty()) {
			return Set.of();
		}
		var sql = """
				select e.id
				from episode e
				where e.id in (:ids)
				  and (/*others*/coalesce((
				        select true from transcript_segment s
				        where s.episode_id = e.id and ts_match_vq(s.search_vector, websearch_to_tsquery('english', :q))
				          /*speaker*/
				        limit 1), false))
				"""
			.replace("/*others*/",
					(request.speaker() != null) ? ""
							: """
									e.title_vector @@ websearch_to_tsquery('english', :q)
									       or e.notes_vector @@ websearch_to_tsquery('english', :q)
									       or coalesce((
									        select true from chapter c
									        where c.episode_id = e.id and ts_match_vq(c.search_vector, websearch_to_tsquery('english', :q))
									        limit 1), false)
									       or
									       """)
			.replace("/*speaker*/", speakerFilter(request));
		var spec = this.jdbc.sql(sql).param("q", request.query()).param("ids", episodeIds);
		if (request.speaker() != null) {
			spec = spec.param("speaker", request.speaker());
		}
		return new HashSet<>(spec.query(Long.class).list());
	}

	/**
	 * Every matching episode of the archive with its exact number of matching moments,
	 * from the GIN indexes: for a query whose words rarely meet, reading their posting
	 * lists once is cheaper than checking candidates one by one (see
	 * {@link SearchService}).
	 */
	Map<Long, Long> matchingEverywhere(SearchRequest request) {
		var sql = """
				select m.episode_id, count(*) as moments
				from (
				    select s.episode_id
				    from transcript_segment s join episode e on e.id = s.episode_id
				    where s.search_vector @@ websearch_to_tsquery('english', :q) /*speaker*/ /*dates*/
				/*others*/
				) m
				group by m.episode_id
				""".replace("/*speaker*/", speakerFilter(request))
			.replace("/*others*/", (request.speaker() != null) ? "" : """
					union all
					select c.episode_id
					from chapter c join episode e on e.id = c.episode_id
					where c.search_vector @@ websearch_to_tsquery('english', :q) /*dates*/
					union all
					select e.id from episode e
					where e.title_vector @@ websearch_to_tsquery('english', :q) /*dates*/
					union all
					select e.id from episode e
					where e.notes_vector @@ websearch_to_tsquery('english', :q) /*dates*/""")
			.replace("/*dates*/", dateFilter(request));
		var spec = this.jdbc.sql(sql).param("q", request.query());
		if (request.speaker() != null) {
			spec = spec.param("speaker", request.speaker());
		}
		for (var param : dateParams(request).entrySet()) {
			spec = spec.param(param.getKey(), param.getValue());
		}
		var moments = new HashMap<Long, Long>();
		spec.query((rs) -> {
			moments.put(rs.getLong("episode_id"), rs.getLong("moments"));
		});
		return moments;
	}

	record MomentRow(long episodeId, MomentKind kind, Integer position, Integer startSeconds, Integer earlierStart,
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
	 * rows returned only. A moment's relevance is the episode formula applied to the one
	 * text: the query lexemes' occurrences in it, weighted by its field and normalised by
	 * its length against the field's average moment, each lexeme saturated and weighted
	 * by its IDF. One statement: the episode details ride along (left join, so an episode
	 * without a moment still gets its row).
	 */
	PageMoments moments(SearchRequest request, Collection<Long> episodeIds, int perEpisode, List<String> lexemes,
			Ranking ranking) {
		if (episodeIds.isEmpty()) {
			return new PageMoments(Map.of(), List.of());
		}
		var sql = """
				with moment as (
				    select s.episode_id, 'SEGMENT' as kind, 4 as kind_order, s.position, s.start_seconds, s.speaker,
				        s.text, s.search_vector as vector, :speechWeight as weight, :speechLength as unit_length,
				        :speechIdfs::float8[] as idfs
				    from transcript_segment s
				    where s.episode_id in (:ids) and ts_match_vq(s.search_vector, websearch_to_tsquery('english', :q))
				      /*speaker*/
				/*others*/
				), scored as (
				    -- one pass over the moment's lexemes: its length and each query lexeme's count
				    select m.*, /*relevance*/ as relevance
				    from moment m cross join lateral (
				        select sum(coalesce(cardinality(u.positions), 1)) as length,
				            /*counts*/
				        from unnest(m.vector) u
				    ) x
				), ranked as (
				    select m.*,
				        row_number() over (partition by m.episode_id order by m.relevance desc, m.kind_order, m.position) as rn,
				        count(*) over (partition by m.episode_id) as moments
				    from scored m
				)
				select ep.id as episode_id, ep.slug, ep.title, ep.published_at,
				    r.kind, r.position, r.start_seconds, r.speaker, r.moments,
				    -- an untimed continuation opens at the nearest earlier timestamp
				    case when r.kind = 'SEGMENT' and r.start_seconds is null then (
				        select p.start_seconds from transcript_segment p
				        where p.episode_id = r.episode_id and p.position < r.position and p.start_seconds is not null
				        order by p.position desc limit 1) end as earlier_start,
				    ts_headline('english', /*stripped*/, websearch_to_tsquery('english', :q), :excerptOptions) as headline
				from episode ep
				left join ranked r on r.episode_id = ep.id and r.rn <= :perEpisode
				where ep.id in (:ids)
				order by ep.id, r.rn
				"""
			.replace("/*speaker*/", speakerFilter(request))
			.replace("/*others*/", (request.speaker() != null) ? "" : """
					union all
					select c.episode_id, 'CHAPTER', 2, c.position, c.start_seconds, null, c.title,
					    c.search_vector, :chapterWeight, :chapterLength, :chapterIdfs::float8[]
					from chapter c
					where c.episode_id in (:ids) and c.search_vector @@ websearch_to_tsquery('english', :q)
					union all
					select e.id, 'TITLE', 1, null, null, null, e.title, e.title_vector, :titleWeight, :titleLength,
					    :titleIdfs::float8[]
					from episode e
					where e.id in (:ids) and e.title_vector @@ websearch_to_tsquery('english', :q)
					union all
					-- the notes are sanitized HTML: excerpts are taken from their text
					select e.id, 'NOTES', 3, null, null, null, regexp_replace(e.show_notes_html, '<[^>]*>', ' ', 'g'),
					    e.notes_vector, :notesWeight, :notesLength, :notesIdfs::float8[]
					from episode e
					where e.id in (:ids) and e.notes_vector @@ websearch_to_tsquery('english', :q)""")
			.replace("/*stripped*/", Highlights.SQL_STRIP.formatted("r.text"))
			.replace("/*relevance*/", momentRelevance(lexemes.size()))
			.replace("/*counts*/", lexemeCounts(lexemes.size()));
		var lengths = ranking.unitLengths();
		var spec = this.jdbc.sql(sql)
			.param("q", request.query())
			.param("ids", episodeIds)
			.param("perEpisode", perEpisode)
			.param("excerptOptions", EXCERPT_OPTIONS)
			.param("lexemes", lexemes.toArray(String[]::new))
			.param("speechIdfs", ranking.idfs().get(MomentKind.SEGMENT))
			.param("k1", Bm25.K1)
			.param("b", Bm25.B)
			.param("speechWeight", Bm25.SPEECH_WEIGHT)
			.param("speechLength", lengths.getOrDefault(MomentKind.SEGMENT, 1.0));
		if (request.speaker() != null) {
			spec = spec.param("speaker", request.speaker());
		}
		else {
			spec = spec.param("chapterWeight", Bm25.CHAPTER_WEIGHT)
				.param("chapterLength", lengths.getOrDefault(MomentKind.CHAPTER, 1.0))
				.param("titleWeight", Bm25.TITLE_WEIGHT)
				.param("titleLength", lengths.getOrDefault(MomentKind.TITLE, 1.0))
				.param("notesWeight", Bm25.NOTES_WEIGHT)
				.param("notesLength", lengths.getOrDefault(MomentKind.NOTES, 1.0))
				.param("titleIdfs", ranking.idfs().get(MomentKind.TITLE))
				.param("chapterIdfs", ranking.idfs().get(MomentKind.CHAPTER))
				.param("notesIdfs", ranking.idfs().get(MomentKind.NOTES));
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
				rows.add(new MomentRow(id, MomentKind.valueOf(rs.getString("kind")), (Integer) rs.getObject("position"),
						(Integer) rs.getObject("start_seconds"), (Integer) rs.getObject("earlier_start"),
						rs.getString("speaker"), rs.getLong("moments"), rs.getString("headline")));
			}
		});
		return new PageMoments(episodes, rows);
	}

	/**
	 * A moment's relevance: per query lexeme k, its IDF in the moment's field times the
	 * field weight times its saturated, length-normalised count {@code x.tf_k}.
	 */
	private static String momentRelevance(int lexemes) {
		var terms = new ArrayList<String>();
		for (int k = 1; k <= lexemes; k++) {
			terms.add(("m.idfs[%1$d] * m.weight * x.tf_%1$d * (:k1 + 1)"
					+ " / (x.tf_%1$d + :k1 * (1 - :b + :b * x.length / m.unit_length))")
				.formatted(k));
		}
		return terms.isEmpty() ? "0::float8" : String.join("\n            + ", terms);
	}

	private static String lexemeCounts(int lexemes) {
		var counts = new ArrayList<String>();
		for (int k = 1; k <= lexemes; k++) {
			counts.add(("coalesce(sum(coalesce(cardinality(u.positions), 1))"
					+ " filter (where u.lexeme = (:lexemes::text[])[%1$d]), 0) as tf_%1$d")
				.formatted(k));
		}
		return counts.isEmpty() ? "0 as no_lexeme" : String.join(",\n            ", counts);
	}

	record SegmentRow(int position, Integer startSeconds, String text, String headline) {
	}

	/** Every matching segment of one episode, with ts_headline marking all matches. */
	List<SegmentRow> segmentsMatching(long episodeId, String query) {
		return this.jdbc.sql("""
				select position, start_seconds, text,
				    ts_headline('english', /*stripped*/, websearch_to_tsquery('english', :q), :options) as headline
				from transcript_segment
				where episode_id = :episode and ts_match_vq(search_vector, websearch_to_tsquery('english', :q))
				order by position
				""".replace("/*stripped*/", Highlights.SQL_STRIP.formatted("text")))
			.param("episode", episodeId)
			.param("q", query)
			.param("options", Highlights.OPTIONS + ", HighlightAll=true")
			.query((rs, n) -> new SegmentRow(rs.getInt("position"), (Integer) rs.getObject("start_seconds"),
					rs.getString("text"), rs.getString("headline")))
			.list();
	}

	List<String> speakers() {
		return this.jdbc.sql("select speaker from search_speaker order by segments desc, speaker limit 50")
			.query(String.class)
			.list();
	}

	private static String speakerFilter(SearchRequest request) {
		return (request.speaker() != null) ? "and lower(s.speaker) = lower(:speaker)" : "";
	}

	private static String dateFilter(SearchRequest request) {
		var sql = new StringBuilder();
		if (request.from() != null) {
			sql.append(" and e.published_at >= :from");
		}
		if (request.to() != null) {
			sql.append(" and e.published_at < :to");
		}
		return sql.toString();
	}

	private static Map<String, Object> dateParams(SearchRequest request) {
		var params = new HashMap<String, Object>();
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

}
