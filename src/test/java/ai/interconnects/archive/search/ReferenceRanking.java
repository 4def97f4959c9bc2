package ai.interconnects.archive.search;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.StringJoiner;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ranking as one SQL statement, as {@link RankingRepository} computed it until the
 * scores were added up in Java ({@link EpisodeScores}): the reference the Java arithmetic
 * is compared with (SearchRelevanceTests).
 */
final class ReferenceRanking {

	private ReferenceRanking() {
	}

	static RankingRepository.Ranking rank(JdbcClient jdbc, SearchRequest request, List<String> lexemes) {
		// IDF and the average lengths are library-wide, whatever the show filter
		boolean speech = request.speaker() != null;
		var filter = SearchFilters.dates(request);
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
				), idf as (
				    -- each word's document frequencies counted on their own: a word the
				    -- archive lacks has no row (IDF 0), and the term rows below are read once
				    select q.i::int as i,
				        ln(1 + (c.title_docs - df.title_df + 0.5) / (df.title_df + 0.5)) as title_idf,
				        ln(1 + (c.chapter_docs - df.chapter_df + 0.5) / (df.chapter_df + 0.5)) as chapter_idf,
				        ln(1 + (c.notes_docs - df.notes_df + 0.5) / (df.notes_df + 0.5)) as notes_idf,
				        ln(1 + (c.speech_docs - df.speech_df + 0.5) / (df.speech_df + 0.5)) as speech_idf
				    from unnest(:lexemes::text[]) with ordinality as q(lexeme, i)
				    cross join corpus c
				    cross join lateral (
				        select count(*) as docs,
				            count(*) filter (where t.title_tf > 0) as title_df,
				            count(*) filter (where t.chapter_tf > 0) as chapter_df,
				            count(*) filter (where t.notes_tf > 0) as notes_df,
				            count(*) filter (where t.speech_tf > 0) as speech_df
				        from search_term t
				        where t.lexeme = q.lexeme
				    ) df
				    where df.docs > 0
				), scored as (
				    -- summed per episode before the join and the sort; each word's moments in
				    -- a column of its own (an array per episode costs more than the ranking)
				    select t.episode_id, round(sum(/*score*/)::numeric, 9)::float8 as score,
				        /*units*/
				    from unnest(:lexemes::text[]) with ordinality as q(lexeme, i)
				    join search_term t on t.lexeme = q.lexeme
				    join idf i on i.i = q.i
				    join search_document d on d.episode_id = t.episode_id
				    cross join corpus c
				    /*filter*/
				    group by t.episode_id
				)
				select s.*, e.podcast_id as show_id, e.published_at,
				    -- on one row only: thousands of copies cost more than the ranking
				    case when row_number() over () = 1 then
				        (select array_agg(array[i, title_idf, chapter_idf, notes_idf, speech_idf]) from idf) end as idfs,
				    case when row_number() over () = 1 then
				        (select array[title_avg, chapter_unit_avg, notes_avg, speech_unit_avg] from corpus) end as unit_lengths
				from scored s
				join episode e on e.id = s.episode_id
				order by /*order*/
				"""
			.replace("/*units*/",
					units(lexemes.size(), speech ? "t.speech_units"
							: "t.speech_units + t.chapter_units + (t.title_tf > 0)::int + (t.notes_tf > 0)::int"))
			.replace("/*score*/",
					speech ? fieldScore("speech")
							: String.join("\n            + ", fieldScore("title"), fieldScore("chapter"),
									fieldScore("notes"), fieldScore("speech")))
			// dates and shows narrow the episodes before they are summed
			.replace("/*filter*/",
					(filter.isEmpty() ? "" : "join episode e on e.id = t.episode_id ") + "where "
							+ (speech ? "t.speech_tf > 0" : "true") + filter)
			.replace("/*order*/", (request.sort() == SearchSort.NEWEST) ? "e.published_at desc nulls last, e.id desc"
					: "score desc, e.published_at desc nulls last, e.id desc");
		var spec = jdbc.sql(sql)
			.param("lexemes", lexemes.toArray(String[]::new))
			.param("k1", Bm25.K1)
			.param("b", Bm25.B)
			.param("titleWeight", Bm25.TITLE_WEIGHT)
			.param("chapterWeight", Bm25.CHAPTER_WEIGHT)
			.param("notesWeight", Bm25.NOTES_WEIGHT)
			.param("speechWeight", Bm25.SPEECH_WEIGHT);
		for (var param : SearchFilters.dateParams(request).entrySet()) {
			spec = spec.param(param.getKey(), param.getValue());
		}
		var idfs = new HashMap<MomentKind, double[]>();
		for (var kind : MomentKind.values()) {
			idfs.put(kind, new double[lexemes.size()]);
		}
		var unitLengths = new HashMap<MomentKind, Double>();
		var candidates = spec.query((rs, n) -> {
			var idfRows = rs.getArray("idfs");
			if (idfRows != null) {
				// one {lexeme index, title, chapter, notes, speech IDF} per lexeme
				for (var row : (Double[][]) idfRows.getArray()) {
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
			var units = new int[lexemes.size()];
			for (int i = 0; i < units.length; i++) {
				units[i] = rs.getInt("u" + (i + 1));
			}
			return new RankingRepository.Candidate(rs.getLong("episode_id"), rs.getDouble("score"), units,
					rs.getLong("show_id"), rs.getObject("published_at", OffsetDateTime.class));
		}).list();
		return new RankingRepository.Ranking(candidates, idfs, unitLengths);
	}

	/**
	 * Each word's moments in the episode, {@code u1} to {@code uN}: a sum per word rather
	 * than an array per episode, whose building costs more than the ranking.
	 */
	private static String units(int lexemes, String units) {
		var columns = new StringJoiner(",\n        ");
		for (int i = 1; i <= lexemes; i++) {
			columns.add("coalesce(sum(%s) filter (where q.i = %d), 0)::int as u%d".formatted(units, i, i));
		}
		// a select list cannot end in a comma
		return (lexemes == 0) ? "0 as no_lexeme" : columns.toString();
	}

	/**
	 * One field's BM25 for one lexeme, times the field's weight: occurrences saturated
	 * with k1 after length normalisation against the field's average length.
	 */
	private static String fieldScore(String field) {
		// a field without the word adds 0 (as the formula would) without computing it
		return "(case when t.%1$s_tf > 0 then :%1$sWeight * i.%1$s_idf * t.%1$s_tf * (:k1 + 1) / (t.%1$s_tf + :k1 * (1 - :b + :b * d.%1$s_length / c.%1$s_avg)) else 0 end)"
			.formatted(field);
	}

}
