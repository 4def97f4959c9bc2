package ai.interconnects.archive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one analysis of search (V11 migration, README "Search"), for every caller that
 * turns user text into what the index holds: the search page, the API, the transcript's
 * find bar, the suggestions and whatever ranks by words next. The rules themselves live
 * in SQL, where the stored tsvector columns use them: {@code archive_search_text} (accent
 * fold, names split into terms) and the text search configuration {@link #CONFIGURATION};
 * {@code archive_tsquery} applies them to a query in web-search syntax. This class asks
 * PostgreSQL for the query's tsquery once, and every statement of the search then reads
 * it back with {@link #TSQUERY} (a bind parameter, never text spliced into SQL).
 */
@Component
class QueryAnalysis {

	/** The text search configuration of the index and of every query. */
	static final String CONFIGURATION = "archive_search";

	/** The analysed query in a statement: bind it with {@link Analyzed#tsquery()}. */
	static final String TSQUERY = "cast(:tsquery as tsquery)";

	/** Straight and typographic double quotes, which delimit a phrase. */
	private static final Pattern QUOTES = Pattern.compile("[\"\u201C\u201D\u201E\u201F\u00AB\u00BB]");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private final JdbcClient jdbc;

	QueryAnalysis(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A query as the index reads it.
	 *
	 * @param text the query as typed (cleaned by {@link SearchRequest})
	 * @param tsquery PostgreSQL's text form of the tsquery, for {@link #TSQUERY}
	 * @param nodes the tsquery's size: 0 when only stop-words were typed
	 * @param indexable false when the query only excludes words ({@code -model})
	 * @param ignoredWords the typed words that have no term in the index: stop-words such
	 * as "the" (too common to be indexed)
	 */
	record Analyzed(String text, String tsquery, int nodes, boolean indexable, List<String> ignoredWords) {

		boolean stopWordsOnly() {
			return this.nodes == 0;
		}

		/** Whether the index can answer it: not empty, not only exclusions. */
		boolean searchable() {
			return this.nodes > 0 && this.indexable;
		}

		QueryTree tree() {
			return TsqueryParser.parse(this.tsquery);
		}

	}

	/**
	 * Analyses {@code query} and, in the same round trip, makes PostgreSQL plan every
	 * following statement of the current transaction for its actual parameters
	 * ({@code set_config(…, true)} is {@code set local}). PgJDBC turns a statement run
	 * five times into a server-prepared one, and PostgreSQL may then reuse a generic plan
	 * that cannot know how common the searched words are (measured in run 1 of
	 * BENCHMARKS.md: ten times slower for a common word). Planning costs about 2 ms.
	 */
	Analyzed analyze(String query) {
		return this.jdbc.sql("""
				select set_config('plan_cache_mode', 'force_custom_plan', true) as mode,
				    numnode(q) as nodes, querytree(q) <> 'T' as indexable, q::text as tsquery,
				    array(select w from unnest(cast(:words as text[])) w
				          where numnode(plainto_tsquery('archive_search', archive_search_text(w))) = 0) as ignored
				from archive_tsquery(:q) q
				""")
			.param("q", query)
			.param("words", words(query).toArray(String[]::new))
			.query((rs, n) -> new Analyzed(query, rs.getString("tsquery"), rs.getInt("nodes"),
					rs.getBoolean("indexable"), List.of((String[]) rs.getArray("ignored").getArray())))
			.single();
	}

	/**
	 * Why {@code ignoredWords} found nothing: "“the” is too common to search for", "“the”
	 * and “of” are too common to search for"; empty for none.
	 */
	static String explainIgnored(List<String> ignoredWords) {
		if (ignoredWords.isEmpty()) {
			return "";
		}
		var quoted = ignoredWords.stream().map((w) -> "\u201C" + w + "\u201D").toList();
		var list = (quoted.size() == 1) ? quoted.get(0)
				: String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
		return list + ((quoted.size() == 1) ? " is" : " are") + " too common to search for";
	}

	/**
	 * The words typed, without the query syntax (quotes, a leading {@code -} and the
	 * operator {@code or}), each holding a letter or digit.
	 */
	static List<String> words(String query) {
		var words = new ArrayList<String>();
		for (var chunk : SPACES.split(QUOTES.matcher(query).replaceAll(" ").strip())) {
			var word = chunk.startsWith("-") ? chunk.substring(1) : chunk;
			if (!word.equalsIgnoreCase("or") && word.codePoints().anyMatch(Character::isLetterOrDigit)
					&& !words.contains(word)) {
				words.add(word);
			}
		}
		return words;
	}

}
