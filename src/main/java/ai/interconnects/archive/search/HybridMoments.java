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
 * The moments of the hybrid ranking's page episodes: those that contain any query word,
 * with the same per-moment BM25 as keyword search ({@link MomentRepository}), and then
 * the text of the few shown, marked where words matched.
 */
@Repository
class HybridMoments {

	/** Moments containing query words read per episode, best by words first. */
	static final int WORD_MOMENTS = 20;

	private final JdbcClient jdbc;

	HybridMoments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A moment with query words. {@code moments} is the episode's number of such moments.
	 */
	record WordMoment(long episodeId, MomentKind kind, int position, double relevance, long moments,
			boolean[] present) {
	}

	/** The query's lexemes as a tsquery of alternatives, not normalised again. */
	static final String ANY_WORD = "(select array_to_string(array(select quote_literal(l) from unnest(:lexemes::text[]) l), ' | ')::tsquery)";

	/**
	 * The page episodes' moments that hold any query word, best first, at most
	 * {@link #WORD_MOMENTS} an episode. Show notes count paragraph by paragraph (the
	 * {@code notes}, as {@link ai.interconnects.archive.search.meaning.MeaningSearch}
	 * numbers them), like the moments search by meaning finds, with the length
	 * normalisation of a transcript paragraph.
	 */
	List<WordMoment> wordMoments(SearchRequest request, Collection<Long> episodeIds, List<String> lexemes,
			RankingRepository.Ranking ranking, List<NotesParagraph> notes) {
		if (episodeIds.isEmpty() || lexemes.isEmpty()) {
			return List.of();
		}
		var sql = """
				with q as (select /*any*/ as query),
				moment as (
				    select s.episode_id, 'SEGMENT' as kind, 4 as kind_order, s.position, s.search_vector as vector,
				        :speechWeight as weight, :speechLength as unit_length, :speechIdfs::float8[] as idfs
				    from transcript_segment s cross join q
				    where s.episode_id in (:ids) and ts_match_vq(s.search_vector, q.query) /*speaker*/
				/*others*/
				), scored as (
				    select m.*, /*relevance*/ as relevance, array[/*tfs*/]::int[] as tfs
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
				select episode_id, kind, position, relevance, moments, tfs from ranked where rn <= :perEpisode
				order by episode_id, rn
				"""
			.replace("/*any*/", ANY_WORD)
			.replace("/*speaker*/", SearchFilters.speaker(request))
			.replace("/*others*/", (request.speaker() != null) ? "" : """
					union all
					select c.episode_id, 'CHAPTER', 2, c.position, c.search_vector, :chapterWeight, :chapterLength,
					    :chapterIdfs::float8[]
					from chapter c cross join q
					where c.episode_id in (:ids) and c.search_vector @@ q.query
					union all
					select e.id, 'TITLE', 1, 0, e.title_vector, :titleWeight, :titleLength, :titleIdfs::float8[]
					from episode e cross join q
					where e.id in (:ids) and e.title_vector @@ q.query
					union all
					select n.episode_id, 'NOTES', 3, n.position,
					    to_tsvector('archive_search', archive_search_text(n.text)), :notesWeight,
					    :speechLength, :notesIdfs::float8[]
					from unnest(:notesEpisodes::bigint[], :notesPositions::int[], :notesTexts::text[])
					    as n(episode_id, position, text) cross join q
					where to_tsvector('archive_search', archive_search_text(n.text)) @@ q.query""")
			.replace("/*relevance*/", MomentRepository.momentRelevance(lexemes.size()))
			.replace("/*counts*/", MomentRepository.lexemeCounts(lexemes.size()))
			.replace("/*tfs*/", String.join(", ",
					java.util.stream.IntStream.rangeClosed(1, lexemes.size()).mapToObj((k) -> "x.tf_" + k).toList()));
		var spec = MomentRepository.bm25(this.jdbc.sql(sql)
			.param("ids", episodeIds)
			.param("perEpisode", WORD_MOMENTS)
			.param("lexemes", lexemes.toArray(String[]::new)), request, ranking);
		if (request.speaker() == null) {
			spec = spec.param("notesEpisodes", notes.stream().map(NotesParagraph::episodeId).toArray(Long[]::new))
				.param("notesPositions", notes.stream().map(NotesParagraph::position).toArray(Integer[]::new))
				.param("notesTexts", notes.stream().map(NotesParagraph::text).toArray(String[]::new));
		}
		return spec.query((rs, n) -> {
			var tfs = (Integer[]) rs.getArray("tfs").getArray();
			var present = new boolean[tfs.length];
			for (int i = 0; i < tfs.length; i++) {
				present[i] = tfs[i] > 0;
			}
			return new WordMoment(rs.getLong("episode_id"), MomentKind.valueOf(rs.getString("kind")),
					rs.getInt("position"), rs.getDouble("relevance"), rs.getLong("moments"), present);
		}).list();
	}

	/** One paragraph of an episode's show notes. */
	record NotesParagraph(long episodeId, int position, String text) {
	}

	/** The show notes of the episodes, paragraph by paragraph. */
	List<NotesParagraph> notesParagraphs(Collection<Long> episodeIds) {
		var paragraphs = new ArrayList<NotesParagraph>();
		if (episodeIds.isEmpty()) {
			return paragraphs;
		}
		this.jdbc.sql("select id, show_notes_html from episode where id in (:ids) order by id")
			.param("ids", episodeIds)
			.query((rs) -> {
				var texts = ai.interconnects.archive.search.meaning.MeaningSearch
					.notesParagraphs(rs.getString("show_notes_html"));
				for (int i = 0; i < texts.size(); i++) {
					paragraphs.add(new NotesParagraph(rs.getLong("id"), i, texts.get(i)));
				}
			});
		return paragraphs;
	}

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
			.param("texts", moments.stream()
				.map((m) -> (m.kind() == MomentKind.NOTES) ? notes.get(m.episodeId() + ":" + m.position()) : null)
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
