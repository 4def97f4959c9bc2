package ai.interconnects.archive.search.meaning;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The BERT uncased tokenizer both shipped models use (a Hugging Face
 * {@code tokenizer.json} with a {@code BertNormalizer}, {@code BertPreTokenizer} and
 * {@code WordPiece} model), in plain Java: the same token ids as the Hugging Face Rust
 * tokenizer (checked in {@code WordPieceTokenizerTests}), without its native library,
 * which would be unpacked into the user's home directory and is not shipped for every
 * platform the app runs on.
 */
final class WordPieceTokenizer {

	private static final int MAX_WORD_CHARS = 100;

	private final Map<String, Integer> vocabulary;

	private final int unknown;

	private final int classToken;

	private final int separator;

	private WordPieceTokenizer(Map<String, Integer> vocabulary) {
		this.vocabulary = vocabulary;
		this.unknown = id("[UNK]");
		this.classToken = id("[CLS]");
		this.separator = id("[SEP]");
	}

	/** Reads the vocabulary of a Hugging Face {@code tokenizer.json}. */
	static WordPieceTokenizer read(InputStream json) throws IOException {
		JsonNode root = JsonMapper.builder().build().readTree(json);
		var model = root.path("model");
		if (!"WordPiece".equals(model.path("type").asString())) {
			throw new IOException("Not a WordPiece tokenizer: " + model.path("type").asString());
		}
		var vocabulary = new HashMap<String, Integer>();
		for (var entry : model.path("vocab").properties()) {
			vocabulary.put(entry.getKey(), entry.getValue().asInt());
		}
		return new WordPieceTokenizer(vocabulary);
	}

	private int id(String token) {
		var id = this.vocabulary.get(token);
		if (id == null) {
			throw new IllegalStateException("The vocabulary has no " + token);
		}
		return id;
	}

	/**
	 * The ids of {@code [CLS]}, the text's word pieces (the first {@code maxTokens - 2})
	 * and {@code [SEP]}.
	 */
	int[] encode(String text, int maxTokens) {
		var ids = new ArrayList<Integer>();
		ids.add(this.classToken);
		outer: for (var word : words(normalize(text))) {
			for (int piece : pieces(word)) {
				if (ids.size() >= maxTokens - 1) {
					break outer;
				}
				ids.add(piece);
			}
		}
		ids.add(this.separator);
		return ids.stream().mapToInt(Integer::intValue).toArray();
	}

	/**
	 * BertNormalizer: drops NUL, U+FFFD and other control characters, makes every
	 * whitespace a space, puts spaces around CJK ideographs, strips accents (NFD without
	 * its non-spacing marks) and lower-cases each character on its own.
	 */
	static String normalize(String text) {
		var cleaned = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> {
			if (c == 0 || c == 0xFFFD || isControl(c)) {
				return;
			}
			if (isWhitespace(c)) {
				cleaned.append(' ');
			}
			else if (isChinese(c)) {
				cleaned.append(' ').appendCodePoint(c).append(' ');
			}
			else {
				cleaned.appendCodePoint(c);
			}
		});
		var normalized = new StringBuilder(cleaned.length());
		Normalizer.normalize(cleaned, Normalizer.Form.NFD).codePoints().forEach((c) -> {
			if (Character.getType(c) == Character.NON_SPACING_MARK) {
				return;
			}
			if (c < 128) {
				normalized.append((char) Character.toLowerCase(c));
			}
			else {
				// each character on its own, as Rust's char::to_lowercase: no final sigma
				normalized.append(Character.toString(c).toLowerCase(Locale.ROOT));
			}
		});
		return normalized.toString();
	}

	/** BertPreTokenizer: split at whitespace, every punctuation character a word. */
	static List<String> words(String text) {
		var words = new ArrayList<String>();
		var word = new StringBuilder();
		text.codePoints().forEach((c) -> {
			if (isWhitespace(c) || isPunctuation(c)) {
				if (!word.isEmpty()) {
					words.add(word.toString());
					word.setLength(0);
				}
				if (!isWhitespace(c)) {
					words.add(Character.toString(c));
				}
			}
			else {
				word.appendCodePoint(c);
			}
		});
		if (!word.isEmpty()) {
			words.add(word.toString());
		}
		return words;
	}

	/** Greedy longest-match-first word pieces, or [UNK] for a word that has none. */
	private List<Integer> pieces(String word) {
		if (word.codePointCount(0, word.length()) > MAX_WORD_CHARS) {
			return List.of(this.unknown);
		}
		var pieces = new ArrayList<Integer>();
		int start = 0;
		while (start < word.length()) {
			int end = word.length();
			Integer found = null;
			while (start < end) {
				var candidate = (start > 0) ? "##" + word.substring(start, end) : word.substring(start, end);
				found = this.vocabulary.get(candidate);
				if (found != null) {
					break;
				}
				end = word.offsetByCodePoints(end, -1);
			}
			if (found == null) {
				return List.of(this.unknown);
			}
			pieces.add(found);
			start = end;
		}
		return pieces;
	}

	/** Rust's {@code char::is_whitespace} (the Unicode White_Space property). */
	private static boolean isWhitespace(int c) {
		return switch (c) {
			case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
			default -> c >= 0x2000 && c <= 0x200A;
		};
	}

	/** Any "Other" category (Cc, Cf, Cs, Co, Cn), except tab and line breaks. */
	private static boolean isControl(int c) {
		if (c == '\t' || c == '\n' || c == '\r') {
			return false;
		}
		return switch (Character.getType(c)) {
			case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
					Character.UNASSIGNED ->
				true;
			default -> false;
		};
	}

	/** ASCII punctuation and symbols, and every Unicode punctuation category. */
	private static boolean isPunctuation(int c) {
		if (c < 128) {
			return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
		}
		return switch (Character.getType(c)) {
			case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
					Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
					Character.OTHER_PUNCTUATION ->
				true;
			default -> false;
		};
	}

	private static boolean isChinese(int c) {
		return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
				|| (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B920 && c <= 0x2CEAF)
				|| (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
	}

}
