package ai.interconnects.archive.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search excerpt reads as sentences: ts_headline's cut grows to the edges of the
 * sentences it falls in when they are near, and keeps its cut (and ellipsis) when not.
 */
class ExcerptSentencesTests {

	static final String TEXT = "We tried it twice. The verifier was the part that mattered most in the end, "
			+ "more than the model size. Then we moved on.";

	@Test
	void aCutInsideASentenceGrowsToItsEdges() {
		var text = new AnalysedText(TEXT, TEXT);
		int from = TEXT.indexOf("verifier");
		int to = TEXT.indexOf(" in the end");

		var edges = text.toSentenceEdges(from, to);

		assertThat(TEXT.substring(edges[0], edges[1]))
			.isEqualTo("The verifier was the part that mattered most in the end, more than the model size.");
		assertThat(ResultMoments.withEllipses(TEXT.substring(edges[0], edges[1]))).doesNotContain("…");
	}

	@Test
	void aFarEdgeKeepsTheCut() {
		var longSentence = "One " + "very ".repeat(40) + "long sentence about verifiers that goes on.";
		var text = new AnalysedText(longSentence, longSentence);
		int from = longSentence.indexOf("verifiers");

		var edges = text.toSentenceEdges(from, from + "verifiers".length());

		assertThat(edges[0]).isEqualTo(from);
		assertThat(longSentence.substring(edges[0], edges[1])).isEqualTo("verifiers that goes on.");
	}

}
