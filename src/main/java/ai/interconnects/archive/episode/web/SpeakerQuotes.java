package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.episode.Voices;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A speaker's most substantive words, for the top of their page: from their longer turns,
 * the passage of one to three sentences ({@value #MIN_LENGTH} to {@value #MAX_LENGTH}
 * characters) that carries the most of their rarer words, scored by the sum of each
 * distinct word's inverse frequency among those turns. Fillers ("yeah", "like", "you
 * know") and words they say everywhere score nothing, so "Oh, yeah, it's my honor." never
 * wins over a passage about verifiers or contamination. At most one quote an episode
 * while other episodes have some.
 */
final class SpeakerQuotes {

	static final int MIN_LENGTH = 90;

	static final int MAX_LENGTH = 320;

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.?!…])\\s+");

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.\\-]*[\\p{L}\\p{N}]|\\p{L}");

	private static final Set<String> COMMON = Set.of("a", "an", "the", "and", "or", "but", "so", "of", "to", "in", "on",
			"at", "for", "with", "from", "by", "as", "is", "are", "was", "were", "be", "been", "it", "it's", "that",
			"this", "these", "those", "there", "i", "i'm", "you", "we", "they", "he", "she", "my", "our", "your",
			"their", "me", "us", "them", "do", "does", "did", "have", "has", "had", "not", "no", "yes", "yeah", "like",
			"just", "really", "right", "know", "mean", "think", "kind", "sort", "thing", "things", "gonna", "okay",
			"ok", "um", "uh", "oh", "well", "very", "what", "which", "who", "how", "if", "then", "than", "can", "could",
			"would", "will", "about", "all", "some", "more", "much", "get", "got", "going");

	private SpeakerQuotes() {
	}

	/** A passage and the turn it is from. */
	record Quote(String text, Voices.TurnRow turn, double score) {
	}

	static List<Quote> best(List<Voices.TurnRow> turns, int count) {
		var documentFrequency = new HashMap<String, Integer>();
		for (var turn : turns) {
			words(turn.text()).forEach((word) -> documentFrequency.merge(word, 1, Integer::sum));
		}
		var candidates = new ArrayList<Quote>();
		for (var turn : turns) {
			var passage = bestPassage(turn.text(), documentFrequency, turns.size());
			if (passage != null) {
				candidates.add(new Quote(passage.text(), turn, passage.score()));
			}
		}
		candidates.sort(Comparator.comparingDouble(Quote::score).reversed());
		var episodes = new HashSet<Long>();
		var chosen = new ArrayList<Quote>();
		for (var quote : candidates) {
			if (chosen.size() < count && episodes.add(quote.turn().episodeId())) {
				chosen.add(quote);
			}
		}
		// fewer episodes than quotes: the next best, wherever they are from
		for (var quote : candidates) {
			if (chosen.size() < count && !chosen.contains(quote)) {
				chosen.add(quote);
			}
		}
		return chosen;
	}

	private record Passage(String text, double score) {
	}

	/** The best run of consecutive sentences within the length bounds, or null. */
	private static Passage bestPassage(String text, Map<String, Integer> frequency, int turns) {
		var sentences = SENTENCE_END.split(text.strip());
		Passage best = null;
		for (int from = 0; from < sentences.length; from++) {
			var passage = new StringBuilder();
			for (int to = from; to < sentences.length && to < from + 3; to++) {
				if (!passage.isEmpty()) {
					passage.append(' ');
				}
				passage.append(sentences[to]);
				if (passage.length() > MAX_LENGTH) {
					break;
				}
				if (passage.length() >= MIN_LENGTH) {
					double score = score(passage.toString(), frequency, turns);
					if (best == null || score > best.score()) {
						best = new Passage(passage.toString(), score);
					}
				}
			}
		}
		return best;
	}

	private static double score(String passage, Map<String, Integer> frequency, int turns) {
		double score = 0;
		for (var word : words(passage)) {
			score += Math.log((double) (turns + 1) / (frequency.getOrDefault(word, 0) + 1));
		}
		return score;
	}

	/** The distinct words that carry meaning, lower case. */
	static Set<String> words(String text) {
		var words = new HashSet<String>();
		var matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
		while (matcher.find()) {
			var word = matcher.group().replace('’', '\'');
			if (word.length() > 2 && !COMMON.contains(word)) {
				words.add(word);
			}
		}
		return words;
	}

}
