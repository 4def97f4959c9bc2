package ai.interconnects.archive.search.meaning;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A query asked again (the next page, a filter) is not embedded again; the least recently
 * asked make room; a failure is not remembered.
 */
class QueryVectorsTests {

	private final List<String> embedded = new ArrayList<>();

	private float[] embed(String query) {
		this.embedded.add(query);
		return new float[] { query.length() };
	}

	@Test
	void aQueryAskedAgainIsAnsweredWithoutEmbeddingIt() throws Exception {
		var vectors = new QueryVectors(10);

		var first = vectors.get("open models", this::embed);
		var again = vectors.get("open models", this::embed);

		assertThat(again).isSameAs(first);
		assertThat(this.embedded).containsExactly("open models");
	}

	@Test
	void theLeastRecentlyAskedQueryMakesRoom() throws Exception {
		var vectors = new QueryVectors(2);
		vectors.get("a", this::embed);
		vectors.get("b", this::embed);
		vectors.get("a", this::embed);

		vectors.get("c", this::embed);
		vectors.get("a", this::embed);
		vectors.get("b", this::embed);

		assertThat(this.embedded).containsExactly("a", "b", "c", "b");
		assertThat(vectors.size()).isEqualTo(2);
	}

	@Test
	void withNoRoomEveryQueryIsEmbedded() throws Exception {
		var vectors = new QueryVectors(0);

		vectors.get("a", this::embed);
		vectors.get("a", this::embed);

		assertThat(this.embedded).containsExactly("a", "a");
		assertThat(vectors.size()).isZero();
	}

	@Test
	void aQueryTheModelFailedOnIsTriedAgainNextTime() throws Exception {
		var vectors = new QueryVectors(10);

		assertThatThrownBy(() -> vectors.get("a", (query) -> {
			throw new IllegalStateException("model failed");
		})).hasMessage("model failed");

		assertThat(vectors.get("a", this::embed)).containsExactly(1f);
		assertThat(vectors.size()).isEqualTo(1);
	}

}
