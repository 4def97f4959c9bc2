package ai.interconnects.archive.search;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
	 * The moments other than paragraphs, which have no speaker: chapter titles, episode
	 * titles and the show notes' paragraphs (given as text, analysed here).
	 */
	private static final String OTHER_MOMENTS = """
			union all
			select c.episode_id, 'CHAPTER', c.position, archive_search_length(c.search_vector),
			    /*found(c.search_vector)*/
			from chapter c cross join q
			where c.episode_id in (:ids) and c.search_vector @@ q.query
			union all
			select e.id, 'TITLE', 0, archive_search_length(e.title_vector), /*found(e.title_vector)*/
			from episode e cross join q
			where e.id in (:ids) and e.title_vector @@ q.query
			union all
			select n.episode_id, 'NOTES', n.position, archive_search_length(n.vector), /*found(n.vector)*/
			from (
			    select p.episode_id, p.position, to_tsvector('archive_search', archive_search_text(p.text)) as vector
			    from unnest(:notesEpisodes::bigint[], :notesPositions::int[], :notesTexts::text[])
			        as p(episode_id, position, text)
			) n cross join q
			where n.vector @@ q.query""";

	/**
	 * The page episodes' moments that hold any query word, best first, at most
	 * {@link #WORD_MOMENTS} an episode, with the same per-moment BM25 as keyword search
	 * ({@link Bm25#moment}). Show notes count paragraph by paragraph (the {@code notes},
	 * as {@link ai.interconnects.archive.search.meaning.MeaningSearch} numbers them),
	 * like the moments search by meaning finds, with the length normalisation of a
	 * transcript paragraph. The database finds the moments and cuts each vector down to
	 * the query's lexemes; they are scored and ranked here, which costs less than
	 * planning and running the same arithmetic in SQL for every moment.
	 */
	List<WordMoment> wordMoments(SearchRequest request, Collection<Long> episodeIds, List<String> lexemes,
			RankingRepository.Ranking ranking, List<NotesParagraph> notes) {
		if (episodeIds.isEmpty() || lexemes.isEmpty()) {
			return List.of();
		}
		var sql = """
				with q as (select /*any*/ as query)
				select s.episode_id, 'SEGMENT' as kind, s.position, s.search_length as length,
				    /*found(s.search_vector)*/ as found
				from transcript_segment s cross join q
				where s.episode_id in (:ids) and ts_match_vq(s.search_vector, q.query) /*speaker*/
				/*others*/
				""".replace("/*others*/", (request.speaker() != null) ? "" : OTHER_MOMENTS)
			.replace("/*any*/", ANY_WORD)
			.replace("/*speaker*/", SearchFilters.speaker(request));
		for (var vector : List.of("s.search_vector", "c.search_vector", "e.title_vector", "n.vector")) {
			sql = sql.replace("/*found(" + vector + ")*/", LexemeCounts.found(vector));
		}
		var spec = this.jdbc.sql(sql).param("ids", episodeIds).param("lexemes", lexemes.toArray(String[]::new));
		if (request.speaker() != null) {
			spec = spec.param("speaker", request.speaker());
		}
		else {
			spec = spec.param("notesEpisodes", notes.stream().map(NotesParagraph::episodeId).toArray(Long[]::new))
				.param("notesPositions", notes.stream().map(NotesParagraph::position).toArray(Integer[]::new))
				.param("notesTexts", notes.stream().map(NotesParagraph::text).toArray(String[]::new));
		}
		var scored = spec.query((rs, n) -> scored(rs.getLong("episode_id"), MomentKind.valueOf(rs.getString("kind")),
				rs.getInt("position"), rs.getInt("length"), LexemeCounts.of(rs.getString("found"), lexemes), ranking))
			.list();
		return best(scored);
	}

	/** A moment with query words and its BM25 ({@code moments} not known yet). */
	private static WordMoment scored(long episodeId, MomentKind kind, int position, int length, int[] tfs,
			RankingRepository.Ranking ranking) {
		// notes paragraphs are normalised like transcript paragraphs
		double unit = ranking.unitLengths().getOrDefault((kind == MomentKind.NOTES) ? MomentKind.SEGMENT : kind, 1.0);
		var idfs = ranking.idfs().get(kind);
		double relevance = 0;
		var present = new boolean[tfs.length];
		for (int k = 0; k < tfs.length; k++) {
			relevance += Bm25.moment(idfs[k], Bm25.weight(kind), tfs[k], length, unit);
			present[k] = tfs[k] > 0;
		}
		return new WordMoment(episodeId, kind, position, relevance, 0, present);
	}

	/**
	 * Each episode's best {@link #WORD_MOMENTS} (ties: by kind, then position) with its
	 * number of moments holding query words, episode by episode.
	 */
	private static List<WordMoment> best(List<WordMoment> scored) {
		var byEpisode = new TreeMap<Long, List<WordMoment>>();
		scored.forEach((m) -> byEpisode.computeIfAbsent(m.episodeId(), (id) -> new ArrayList<>()).add(m));
		var best = new ArrayList<WordMoment>();
		for (var moments : byEpisode.values()) {
			moments.sort(Comparator.comparingDouble(WordMoment::relevance)
				.reversed()
				.thenComparing(WordMoment::kind)
				.thenComparingInt(WordMoment::position));
			for (var m : moments.subList(0, Math.min(WORD_MOMENTS, moments.size()))) {
				best.add(new WordMoment(m.episodeId(), m.kind(), m.position(), m.relevance(), moments.size(),
						m.present()));
			}
		}
		return best;
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
