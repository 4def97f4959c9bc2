package ai.interconnects.archive.search;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The search SQL: one text block per statement; only the filter fragments of
 * {@link SearchFilters} are spliced in, every value is a bind parameter.
 * <p>
 * A search runs in three steps, each with its own class: {@link RankingRepository} orders
 * every episode that contains a query word by BM25F from the term statistics,
 * {@link MatchRepository} checks the query's exact boolean and phrase form for as many of
 * them as the page needs, and {@link MomentRepository} reads the page's moments and
 * excerpts. Before them {@link QueryAnalysis} turns the query into a tsquery once; this
 * class holds what stands beside them: the speaker list.
 */
@Repository
class SearchRepository {

	private final JdbcClient jdbc;

	SearchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<String> speakers() {
		return this.jdbc.sql("select speaker from search_speaker order by segments desc, speaker limit 50")
			.query(String.class)
			.list();
	}

}
