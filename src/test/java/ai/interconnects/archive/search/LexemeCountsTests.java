package ai.interconnects.archive.search;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A vector's text as PostgreSQL writes it, read into each query lexeme's count. */
class LexemeCountsTests {

	@Test
	void countsThePositionsOfEachQueryLexeme() {
		assertThat(LexemeCounts.of("'gpus':13A 'own':5A,9A,12A", List.of("own", "rent", "gpus"))).containsExactly(3, 0,
				1);
	}

	@Test
	void readsDoubledQuotesEscapedBackslashesAndSpacesInsideALexeme() {
		assertThat(LexemeCounts.of("'a\\\\b':2A,3A 'it''s':1A 'x y':4A", List.of("it's", "a\\b", "x y")))
			.containsExactly(1, 2, 1);
	}

	@Test
	void anEmptyOrMissingVectorHoldsNoWord() {
		assertThat(LexemeCounts.of("", List.of("own"))).containsExactly(0);
		assertThat(LexemeCounts.of(null, List.of("own"))).containsExactly(0);
	}

}
