package ai.interconnects.archive.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Generates text with the fixture feed's word statistics: a bigram chain over the real
 * descriptions and transcripts. Following a word by one of the words that followed it in
 * the fixture keeps unigram frequencies realistic (the Zipf curve of real speech) and
 * makes real phrases ("open models", "the government") occur, so phrase queries hit. With
 * a small probability the chain restarts at a word drawn by unigram frequency.
 */
final class WordSampler {

	private final List<String> tokens;

	private final Map<String, List<String>> successors = new HashMap<>();

	private final SplittableRandom random;

	WordSampler(byte[] feedXml, long seed) {
		this.random = new SplittableRandom(seed);
		var feed = Jsoup.parse(new String(feedXml, java.nio.charset.StandardCharsets.UTF_8), "", Parser.xmlParser());
		var words = new ArrayList<String>();
		for (var item : feed.select("item")) {
			var html = item.select("description").text() + " " + item.select("content|encoded").text();
			for (String word : Jsoup.parse(html).text().split("\\s+")) {
				var clean = word.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}.,?']+$", "");
				if (!clean.isEmpty() && clean.length() < 30) {
					words.add(clean);
				}
			}
		}
		this.tokens = words;
		for (int i = 0; i + 1 < words.size(); i++) {
			this.successors.computeIfAbsent(key(words.get(i)), (k) -> new ArrayList<>()).add(words.get(i + 1));
		}
	}

	int vocabularySize() {
		return this.successors.size();
	}

	int corpusSize() {
		return this.tokens.size();
	}

	/** {@code count} words of chained text. */
	String text(int count) {
		var out = new StringBuilder(count * 7);
		String word = this.tokens.get(this.random.nextInt(this.tokens.size()));
		for (int i = 0; i < count; i++) {
			if (i > 0) {
				out.append(' ');
			}
			out.append(word);
			var next = this.successors.get(key(word));
			word = (next == null || this.random.nextInt(12) == 0)
					? this.tokens.get(this.random.nextInt(this.tokens.size()))
					: next.get(this.random.nextInt(next.size()));
		}
		return out.toString();
	}

	int nextInt(int bound) {
		return this.random.nextInt(bound);
	}

	private static String key(String word) {
		return word.toLowerCase(java.util.Locale.ROOT).replaceAll("[.,?']+$", "");
	}

}
