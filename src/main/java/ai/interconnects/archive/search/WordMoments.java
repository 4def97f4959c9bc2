package ai.interconnects.archive.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The moments of the hybrid ranking's page episodes that contain any query word, with the
 * same per-moment BM25 as keyword search ({@link MomentRepository}).
 */
@Repository
class WordMoments {

	private final JdbcClient jdbc;

	WordMoments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Moments containing query words read per episode, best by words first. */
	static final int WORD_MOMENTS = 20;

	/**
	 * A moment with query words. {@code moments} is the episode's number of such moments.
	 */
	record WordMoment(long episodeId, MomentKind kind, int position, double relevance, long moments,
			boolean[] present) {
	}

	/** Chapter titles and episode titles, which have no speaker. */
	private static final String OTHER_MOMENTS = """
			with q as (select /*any*/ as query)
			select c.episode_id, 'CHAPTER' as kind, c.position, archive_search_length(c.search_vector) as length,
			    /*found(c.search_vector)*/ as found
			from chapter c cross join q
			where c.episode_id in (:ids) and c.search_vector @@ q.query
			union all
			select e.id, 'TITLE', 0, archive_search_length(e.title_vector), /*found(e.title_vector)*/
			from episode e cross join q
			where e.id in (:ids) and e.title_vector @@ q.query""";

	/**
	 * The page episodes' moments that hold any query word, best first, at most
	 * {@link #WORD_MOMENTS} an episode, with the same per-moment BM25 as keyword search
	 * ({@link Bm25#moment}). Show notes count paragraph by paragraph (the {@code notes},
	 * as search by meaning numbers them, {@link ShowNotesParagraphs}), like the moments
	 * search by meaning finds, with the length normalisation of a transcript paragraph.
	 * The transcript paragraphs come from the term statistics, one row per query word and
	 * episode ({@link SpeechMoments}); a speaker's, fewer, are tested one by one. For
	 * chapters and titles the database cuts each vector down to the query's lexemes. They
	 * are scored and ranked here, which costs less than planning and running the same
	 * arithmetic in SQL for every moment.
	 */
	List<WordMoment> find(SearchRequest request, Collection<Long> episodeIds, List<String> lexemes,
			RankingRepository.Ranking ranking, List<ShowNotesParagraphs.Paragraph> notes) {
		if (episodeIds.isEmpty() || lexemes.isEmpty()) {
			return List.of();
		}
		if (request.speaker() != null) {
			var sql = """
					with q as (select /*any*/ as query)
					select s.episode_id, 'SEGMENT' as kind, s.position, s.search_length as length,
					    /*found(s.search_vector)*/ as found
					from transcript_segment s cross join q
					where s.episode_id in (:ids) and ts_match_vq(s.search_vector, q.query) /*speaker*/
					""".replace("/*any*/", HybridMoments.ANY_WORD)
				.replace("/*speaker*/", SearchFilters.speaker(request))
				.replace("/*found(s.search_vector)*/", LexemeCounts.found("s.search_vector"));
			return best(read(this.jdbc.sql(sql).param("speaker", request.speaker()), episodeIds, lexemes, ranking));
		}
		var scored = new ArrayList<WordMoment>();
		for (var p : paragraphs(episodeIds, lexemes)) {
			scored.add(scored(p.episodeId(), MomentKind.SEGMENT, p.position(), p.length(), p.tfs(), ranking));
		}
		var sql = OTHER_MOMENTS.replace("/*any*/", HybridMoments.ANY_WORD);
		for (var vector : List.of("c.search_vector", "e.title_vector")) {
			sql = sql.replace("/*found(" + vector + ")*/", LexemeCounts.found(vector));
		}
		scored.addAll(read(this.jdbc.sql(sql), episodeIds, lexemes, ranking));
		for (var n : notes) {
			var tfs = LexemeCounts.of(n.vector(), lexemes);
			if (Arrays.stream(tfs).anyMatch((tf) -> tf > 0)) {
				scored.add(scored(n.episodeId(), MomentKind.NOTES, n.position(), n.length(), tfs, ranking));
			}
		}
		return best(scored);
	}

	/**
	 * The transcript paragraphs of the episodes that hold any of the lexemes, from the
	 * term statistics: one row per lexeme and episode.
	 */
	List<SpeechMoments.Paragraph> paragraphs(Collection<Long> episodeIds, List<String> lexemes) {
		var speech = new SpeechMoments(lexemes);
		this.jdbc.sql("""
				select episode_id, lexeme, speech_moments::text as moments from search_term
				where lexeme = any(:lexemes) and episode_id in (:ids) and speech_moments is not null
				""").param("lexemes", lexemes.toArray(String[]::new)).param("ids", episodeIds).query((rs) -> {
			speech.add(rs.getLong("episode_id"), rs.getString("lexeme"), rs.getString("moments"));
		});
		return speech.paragraphs();
	}

	private static List<WordMoment> read(JdbcClient.StatementSpec spec, Collection<Long> episodeIds,
			List<String> lexemes, RankingRepository.Ranking ranking) {
		return spec.param("ids", episodeIds)
			.param("lexemes", lexemes.toArray(String[]::new))
			.query((rs, n) -> scored(rs.getLong("episode_id"), MomentKind.valueOf(rs.getString("kind")),
					rs.getInt("position"), rs.getInt("length"), LexemeCounts.of(rs.getString("found"), lexemes),
					ranking))
			.list();
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

}
