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
 * excerpts. This class holds what comes before and beside them: the query's parse and the
 * speaker list.
 */
@Repository
class SearchRepository {

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

	List<String> speakers() {
		return this.jdbc.sql("select speaker from search_speaker order by segments desc, speaker limit 50")
			.query(String.class)
			.list();
	}

}
