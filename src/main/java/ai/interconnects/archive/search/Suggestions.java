package ai.interconnects.archive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Help for a query that matched nothing, from the archive's own vocabulary
 * ({@code search_vocabulary}, in the search analysis: lower case, accents folded, see
 * V11), in two kinds:
 * <ul>
 * <li>{@link #nameVariant}: the same query with names written the way the archive writes
 * them: two capitalised words it writes as one ("Deep Seek" → "DeepSeek"), one word it
 * writes as two ("openweight" → "open weight"), a short name with the version the archive
 * has ("K2" → "K2.5"). The search runs it when the query as typed matched nothing and
 * shows its results "for" it.</li>
 * <li>{@link #suggest}: whole corrected queries, every unknown word replaced at once by
 * the closest archive word (pg_trgm), spacing fixed as above: "nemotorn datsets" →
 * "nemotron datasets".</li>
 * </ul>
 * Words keep the query's syntax around them (quotes, a leading {@code -}).
 */
@Component
class Suggestions {

	/** One typed chunk: query syntax before and after a word. */
	private static final Pattern CHUNK = Pattern
		.compile("([\"\u201C-\u201F\u00AB\u00BB-]*)(.*?)([\"\u201C-\u201F\u00AB\u00BB]*)");

	private static final Pattern SPELLABLE = Pattern.compile("[\\p{L}]{3,40}");

	private static final Pattern SHORT_NAME = Pattern.compile("\\p{L}\\d+");

	private final JdbcClient jdbc;

	Suggestions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A suggested query and the archive words it brought in. */
	record Suggestion(String query, String word) {
	}

	/**
	 * The query with its names written as in the archive; itself when nothing changes.
	 */
	String nameVariant(String query) {
		var chunks = joined(chunks(query), true);
		for (int i = 0; i < chunks.size(); i++) {
			var chunk = chunks.get(i);
			if (SHORT_NAME.matcher(chunk.word()).matches()) {
				var version = first("""
						select word from search_vocabulary
						where word like lower(:w) || '.%' and word ~ '^[[:alnum:].]+$' order by ndoc desc, word limit 1
						""", chunk.word());
				if (version != null) {
					chunks.set(i, chunk.with(chunk.word() + version.substring(chunk.word().length())));
				}
			}
			else if (SPELLABLE.matcher(chunk.word()).matches()) {
				var split = split(chunk.word());
				if (split != null) {
					chunks.set(i, chunk.with(split));
				}
			}
		}
		return text(chunks);
	}

	/**
	 * Whole queries to try, best first: the first replaces every word the archive never
	 * uses by its closest archive word; when only one word was unknown, its next two
	 * closest follow. Empty when every word is known.
	 */
	List<Suggestion> suggest(String query) {
		var chunks = joined(chunks(query), false);
		var best = new ArrayList<>(chunks);
		var words = new ArrayList<String>();
		List<String> alternatives = List.of();
		int unknown = -1;
		for (int i = 0; i < chunks.size(); i++) {
			var chunk = chunks.get(i);
			if (!SPELLABLE.matcher(chunk.word()).matches() || known(chunk.word())) {
				continue;
			}
			var close = this.jdbc.sql("""
					select word from search_vocabulary
					where word % lower(archive_search_fold(:w)) and word ~ '^[[:alpha:]]+$'
					order by word <-> lower(archive_search_fold(:w)), ndoc desc limit 3
					""").param("w", chunk.word()).query(String.class).list();
			if (!close.isEmpty()) {
				best.set(i, chunk.with(close.get(0)));
				words.add(close.get(0));
				// the next closest are offered only when one word was unknown
				alternatives = (unknown == -1) ? close.subList(1, close.size()) : List.of();
				unknown = (unknown == -1) ? i : Integer.MAX_VALUE;
			}
		}
		var suggestions = new ArrayList<Suggestion>();
		var fixed = text(best);
		if (!fixed.equalsIgnoreCase(query.strip())) {
			suggestions.add(new Suggestion(fixed, String.join(" ", words)));
		}
		for (var other : alternatives) {
			var alternative = new ArrayList<>(best);
			alternative.set(unknown, best.get(unknown).with(other));
			suggestions.add(new Suggestion(text(alternative), other));
		}
		return suggestions;
	}

	private record Chunk(String before, String word, String after) {

		Chunk with(String word) {
			return new Chunk(this.before, word, this.after);
		}

		String text() {
			return this.before + this.word + this.after;
		}

	}

	private static List<Chunk> chunks(String query) {
		var chunks = new ArrayList<Chunk>();
		for (var part : query.strip().split("\\s+")) {
			if (!part.isEmpty()) {
				var m = CHUNK.matcher(part);
				m.matches();
				chunks.add(new Chunk(m.group(1), m.group(2), m.group(3)));
			}
		}
		return chunks;
	}

	private static String text(List<Chunk> chunks) {
		return String.join(" ", chunks.stream().map(Chunk::text).toList());
	}

	/**
	 * Two neighbouring words the archive writes as one become that word; for a name
	 * variant only names, capitalised as typed ("Deep Seek", "Hugging Face"), so that two
	 * halves of a broken word ("tar iffs") are a suggestion, not results shown for it.
	 */
	private List<Chunk> joined(List<Chunk> chunks, boolean names) {
		var out = new ArrayList<Chunk>();
		for (int i = 0; i < chunks.size(); i++) {
			var chunk = chunks.get(i);
			if (i + 1 < chunks.size() && chunk.after().isEmpty() && chunks.get(i + 1).before().isEmpty()
					&& !chunk.word().equalsIgnoreCase("or") && !chunks.get(i + 1).word().equalsIgnoreCase("or")
					&& SPELLABLE.matcher(chunk.word() + chunks.get(i + 1).word()).matches()
					&& (!known(chunk.word()) || !known(chunks.get(i + 1).word()))
					&& (!names || (capitalised(chunk.word()) && capitalised(chunks.get(i + 1).word())))
					&& known(chunk.word() + chunks.get(i + 1).word())) {
				out.add(new Chunk(chunk.before(), chunk.word() + chunks.get(i + 1).word(), chunks.get(i + 1).after()));
				i++;
			}
			else {
				out.add(chunk);
			}
		}
		return out;
	}

	/**
	 * The word as two archive words, the split whose rarer half is most common; only when
	 * both halves are commoner than the word itself ("openweight" → "open weight", never
	 * "someone" → "some one").
	 */
	private String split(String word) {
		return first("""
				select left(:w, i) || ' ' || substr(:w, i + 1)
				from generate_series(3, length(:w) - 3) i
				join search_vocabulary a on a.word = lower(archive_search_fold(left(:w, i)))
				join search_vocabulary b on b.word = lower(archive_search_fold(substr(:w, i + 1)))
				where least(a.ndoc, b.ndoc) > coalesce((select ndoc from search_vocabulary
				    where word = lower(archive_search_fold(:w))), 0)
				order by least(a.ndoc, b.ndoc) desc limit 1
				""", word);
	}

	private static boolean capitalised(String word) {
		return !word.isEmpty() && Character.isUpperCase(word.codePointAt(0));
	}

	private boolean known(String word) {
		return this.jdbc
			.sql("select exists (select 1 from search_vocabulary where word = lower(archive_search_fold(:w)))")
			.param("w", word)
			.query(Boolean.class)
			.single();
	}

	private String first(String sql, String word) {
		return this.jdbc.sql(sql).param("w", word).query(String.class).optional().orElse(null);
	}

}
