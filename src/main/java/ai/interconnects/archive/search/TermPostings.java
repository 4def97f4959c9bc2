package ai.interconnects.archive.search;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The query words' term statistics as the ranking reads them: packed 32 episodes to a row
 * (V20, {@code search_posting}), so a common word's 5,000 episodes are 157 rows instead
 * of 5,000 (BENCHMARKS.md, "Run K"). Every row of the words is read, whatever the filters
 * (the ranking keeps the episodes they admit), so the document frequencies come from the
 * same read.
 */
@Repository
class TermPostings {

	/** Bytes of one episode's figures in a packed row. */
	private static final int ENTRY = 8 + 6 * 4;

	private final JdbcClient jdbc;

	TermPostings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The rows of the words ({@code speech}: only those with the word in speech, counting
	 * paragraphs only, as with a speaker filter), and each word's episodes per field
	 * counted on all of its rows.
	 */
	record Read(List<EpisodeScores.Term> terms, long[][] frequencies) {
	}

	Read read(List<String> lexemes, boolean speech) {
		var terms = new ArrayList<EpisodeScores.Term>();
		var frequencies = new long[lexemes.size()][EpisodeScores.FIELDS];
		this.jdbc.sql("""
				select q.i::int - 1, p.postings
				from unnest(:lexemes::text[]) with ordinality as q(lexeme, i)
				join search_posting p on p.lexeme = q.lexeme
				""").param("lexemes", lexemes.toArray(String[]::new)).query((rs) -> {
			int lexeme = rs.getInt(1);
			var postings = ByteBuffer.wrap(rs.getBytes(2));
			while (postings.remaining() >= ENTRY) {
				long episodeId = postings.getLong();
				var tfs = new int[] { postings.getInt(), postings.getInt(), postings.getInt(), postings.getInt() };
				int chapterUnits = postings.getInt();
				int speechUnits = postings.getInt();
				for (int f = 0; f < EpisodeScores.FIELDS; f++) {
					if (tfs[f] > 0) {
						frequencies[lexeme][f]++;
					}
				}
				if (!speech) {
					terms.add(new EpisodeScores.Term(episodeId, lexeme, tfs,
							speechUnits + chapterUnits + ((tfs[0] > 0) ? 1 : 0) + ((tfs[2] > 0) ? 1 : 0)));
				}
				else if (tfs[3] > 0) {
					terms.add(new EpisodeScores.Term(episodeId, lexeme, tfs, speechUnits));
				}
			}
		});
		return new Read(terms, frequencies);
	}

}
