package ai.interconnects.archive.search.meaning;

import java.io.IOException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain-Java tokenizer gives the ids the Hugging Face tokenizer (its Rust library,
 * through DJL 0.36.0) gives for the bge vocabulary: the expected arrays were produced by
 * it. Accents, typographic dashes and quotes, CJK, control characters, a final sigma, a
 * dotted capital I and words the vocabulary lacks.
 */
class WordPieceTokenizerTests {

	static WordPieceTokenizer tokenizer;

	@BeforeAll
	static void readTheShippedVocabulary() throws IOException {
		try (var in = WordPieceTokenizerTests.class.getClassLoader()
			.getResourceAsStream(EmbeddingModel.BGE_SMALL_EN_V15_Q.tokenizerResource())) {
			tokenizer = WordPieceTokenizer.read(in);
		}
	}

	@Test
	void accentsAreStrippedAndWordsLowerCased() {
		assertThat(tokenizer.encode("Tülu 3 café naïve résumé", 512)).containsExactly(101, 10722, 7630, 1017, 7668,
				15743, 13746, 102);
	}

	@Test
	void everyPunctuationCharacterIsAWordOfItsOwn() {
		assertThat(tokenizer.encode("GPT\u20115.4 vs GPT-5.4 \u2013 \u201cquoted\u201d it\u2019s", 512))
			.containsExactly(101, 14246, 2102, 1514, 1019, 1012, 1018, 5443, 14246, 2102, 1011, 1019, 1012, 1018, 1516,
					1523, 9339, 1524, 2009, 1521, 1055, 102);
		assertThat(tokenizer.encode("Dean Ball: I hope so.", 512)).containsExactly(101, 4670, 3608, 1024, 1045, 3246,
				2061, 1012, 102);
	}

	@Test
	void ideographsStandAloneAndControlCharactersVanish() {
		assertThat(tokenizer.encode("日本語 中文", 512)).containsExactly(101, 1864, 1876, 1950, 1746, 1861, 102);
		assertThat(tokenizer.encode("a\u00a0b\u200bc\u0000d\ufffde", 512)).containsExactly(101, 1037, 4647, 3207, 102);
	}

	@Test
	void eachCharacterIsLowerCasedOnItsOwnAsInRust() {
		// no final sigma: Java's String.toLowerCase would make the last Σ a ς
		assertThat(tokenizer.encode("ΣΑΣ İstanbul", 512)).containsExactly(101, 1173, 14608, 29733, 9960, 102);
	}

	@Test
	void unknownWordsAreCutIntoPieces() {
		assertThat(tokenizer.encode("supercalifragilisticexpialidocious zorblatfen", 512)).containsExactly(101, 3565,
				9289, 10128, 29181, 24411, 4588, 10288, 19312, 21273, 10085, 6313, 1062, 2953, 28522, 24475, 2368, 102);
	}

	@Test
	void aLongTextIsCutToTheModelsInput() {
		var ids = tokenizer.encode("word ".repeat(1000), 512);
		assertThat(ids).hasSize(512);
		assertThat(ids[0]).isEqualTo(101);
		assertThat(ids[511]).isEqualTo(102);
	}

}
