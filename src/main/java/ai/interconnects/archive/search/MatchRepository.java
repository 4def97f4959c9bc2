package ai.interconnects.archive.search;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Step two of a search: which ranked episodes match the query's exact boolean and phrase
 * form, one segment (or title, chapter title, notes) at a time. Either for the
 * best-ranked episodes only, as many as the page needs ({@link #matching}), or for the
 * whole archive at once from the GIN indexes ({@link #matchingEverywhere}).
 */
@Repository
class MatchRepository {

	private final JdbcClient jdbc;

	MatchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Which of the given episodes match the query exactly: some segment (of the speaker,
	 * when filtered), chapter title, episode title or notes text matches the whole
	 * tsquery, phrases included. Each check is a scalar subquery, which PostgreSQL runs
	 * per episode through the {@code (episode_id, position)} index and stops at the first
	 * match; {@code ts_match_vq} is {@code @@} in a form the planner does not turn into a
	 * read of the word's whole GIN posting list.
	 */
	Set<Long> matching(SearchRequest request, QueryAnalysis.Analyzed query, Collection<Long> episodeIds) {
		if (episodeIds.isEmpty()) {
			return Set.of();
		}
		var sql = """
				select e.id
				from episode e
				where e.id in (:ids)
				  and (/*others*/coalesce((
				        select true from transcript_segment s
				        where s.episode_id = e.id and ts_match_vq(s.search_vector, /*tsquery*/)
				          /*speaker*/
				        limit 1), false))
				""".replace("/*others*/", (request.speaker() != null) ? "" : """
				e.title_vector @@ /*tsquery*/
				       or e.notes_vector @@ /*tsquery*/
				       or coalesce((
				        select true from chapter c
				        where c.episode_id = e.id and ts_match_vq(c.search_vector, /*tsquery*/)
				        limit 1), false)
				       or
				       """)
			.replace("/*speaker*/", SearchFilters.speaker(request))
			.replace("/*tsquery*/", QueryAnalysis.TSQUERY);
		var spec = this.jdbc.sql(sql).param("tsquery", query.tsquery()).param("ids", episodeIds);
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
	Map<Long, Long> matchingEverywhere(SearchRequest request, QueryAnalysis.Analyzed query) {
		return moments(request, query, null);
	}

	/**
	 * Every matching moment of these episodes, counted per episode, read through the
	 * episodes' own rows ({@code ts_match_vq}, as {@link #matching}): for a few
	 * candidates in a narrowed search, whose words are common elsewhere in the library.
	 * The candidates already carry the request's filters.
	 */
	Map<Long, Long> matchingAmong(SearchRequest request, QueryAnalysis.Analyzed query, Collection<Long> episodeIds) {
		return episodeIds.isEmpty() ? Map.of() : moments(request, query, episodeIds);
	}

	private Map<Long, Long> moments(SearchRequest request, QueryAnalysis.Analyzed query, Collection<Long> among) {
		var sql = """
				select m.episode_id, count(*) as moments
				from (
				    select s.episode_id
				    from transcript_segment s join episode e on e.id = s.episode_id
				    where /*segment*/ /*speaker*/ /*dates*/
				/*others*/
				) m
				group by m.episode_id
				""".replace("/*speaker*/", SearchFilters.speaker(request))
			.replace("/*others*/", (request.speaker() != null) ? "" : """
					union all
					select c.episode_id
					from chapter c join episode e on e.id = c.episode_id
					where /*chapter*/ /*dates*/
					union all
					select e.id from episode e
					where /*title*/ /*dates*/
					union all
					select e.id from episode e
					where /*notes*/ /*dates*/""")
			.replace("/*segment*/", matches("s.episode_id", "s.search_vector", among))
			.replace("/*chapter*/", matches("c.episode_id", "c.search_vector", among))
			.replace("/*title*/", matches("e.id", "e.title_vector", among))
			.replace("/*notes*/", matches("e.id", "e.notes_vector", among))
			.replace("/*dates*/", (among != null) ? "" : SearchFilters.dates(request))
			.replace("/*tsquery*/", QueryAnalysis.TSQUERY);
		var spec = this.jdbc.sql(sql).param("tsquery", query.tsquery());
		if (request.speaker() != null) {
			spec = spec.param("speaker", request.speaker());
		}
		if (among != null) {
			spec = spec.param("ids", among);
		}
		else {
			for (var param : SearchFilters.dateParams(request).entrySet()) {
				spec = spec.param(param.getKey(), param.getValue());
			}
		}
		var moments = new HashMap<Long, Long>();
		spec.query((rs) -> {
			moments.put(rs.getLong("episode_id"), rs.getLong("moments"));
		});
		return moments;
	}

	/**
	 * The match condition on one column: through its GIN index for the whole archive, or
	 * row by row ({@code ts_match_vq}, which the planner does not turn into an index
	 * read) for the given episodes.
	 */
	private static String matches(String episodeColumn, String vector, Collection<Long> among) {
		return (among == null) ? vector + " @@ /*tsquery*/"
				: episodeColumn + " in (:ids) and ts_match_vq(" + vector + ", /*tsquery*/)";
	}

}
