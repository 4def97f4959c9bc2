package ai.interconnects.archive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The transcript paragraphs that hold query words, gathered from the term statistics
 * (V18): each row read is one lexeme in one episode, with a {position, occurrences,
 * paragraph length} triple for every paragraph holding it ({@code search_term}'s
 * {@code speech_moments}, in PostgreSQL's text form {@code {{3,1,25},{7,2,40}}}).
 */
final class SpeechMoments {

	/** A paragraph: its length in tokens and each query lexeme's occurrences in it. */
	record Paragraph(long episodeId, int position, int length, int[] tfs) {
	}

	private final List<String> lexemes;

	private final Map<Long, Map<Integer, Paragraph>> paragraphs = new TreeMap<>();

	SpeechMoments(List<String> lexemes) {
		this.lexemes = lexemes;
	}

	/** Adds one statistics row: {@code lexeme}'s paragraphs in the episode. */
	void add(long episodeId, String lexeme, String triples) {
		var inEpisode = this.paragraphs.computeIfAbsent(episodeId, (id) -> new TreeMap<>());
		int[] triple = new int[3];
		int field = 0;
		int value = 0;
		boolean digits = false;
		for (int i = 0; i < triples.length(); i++) {
			char c = triples.charAt(i);
			if (c >= '0' && c <= '9') {
				value = value * 10 + (c - '0');
				digits = true;
				continue;
			}
			if (digits) {
				triple[field++] = value;
				value = 0;
				digits = false;
				if (field == 3) {
					add(inEpisode, episodeId, lexeme, triple[0], triple[1], triple[2]);
					field = 0;
				}
			}
		}
		if (field != 0) {
			throw new IllegalArgumentException("not {position, occurrences, length} triples: " + triples);
		}
	}

	private void add(Map<Integer, Paragraph> inEpisode, long episodeId, String lexeme, int position, int tf,
			int length) {
		var paragraph = inEpisode.computeIfAbsent(position,
				(p) -> new Paragraph(episodeId, p, length, new int[this.lexemes.size()]));
		// a lexeme the query holds twice counts at both places, as LexemeCounts does
		for (int k = 0; k < this.lexemes.size(); k++) {
			if (this.lexemes.get(k).equals(lexeme)) {
				paragraph.tfs()[k] += tf;
			}
		}
	}

	/** Every paragraph gathered, by episode, then position. */
	List<Paragraph> paragraphs() {
		var all = new ArrayList<Paragraph>();
		this.paragraphs.values().forEach((inEpisode) -> all.addAll(inEpisode.values()));
		return all;
	}

}
