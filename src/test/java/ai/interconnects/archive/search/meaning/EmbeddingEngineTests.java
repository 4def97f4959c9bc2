package ai.interconnects.archive.search.meaning;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the model cannot load, the engine says why and answers no query: search stays
 * keyword-only (SearchService), the admin page shows the reason.
 */
class EmbeddingEngineTests {

	static MeaningProperties properties(boolean enabled) {
		return new MeaningProperties(enabled, EmbeddingModel.BGE_SMALL_EN_V15_Q, false, 1, 32, Duration.ofMinutes(5),
				Duration.ofSeconds(10), Duration.ofSeconds(5), 1000, 0.5);
	}

	@Test
	void aPlatformWithoutTheNativeLibraryLeavesTheEngineUnavailableWithTheReason() {
		var engine = new EmbeddingEngine(properties(true), (model, threads) -> {
			throw new UnsatisfiedLinkError("no onnxruntime in java.library.path");
		});
		assertThat(engine.state()).isEqualTo(EmbeddingEngine.State.LOADING);

		engine.load();

		assertThat(engine.state()).isEqualTo(EmbeddingEngine.State.UNAVAILABLE);
		assertThat(engine.reason()).contains("could not be loaded").contains("no onnxruntime in java.library.path");
		assertThat(engine.embedQuery("anything")).isEmpty();
	}

	@Test
	void switchedOffItNeverLoads() {
		var engine = new EmbeddingEngine(properties(false), (model, threads) -> {
			throw new AssertionError("must not load");
		});

		engine.load();

		assertThat(engine.state()).isEqualTo(EmbeddingEngine.State.DISABLED);
		assertThat(engine.reason()).contains("archive.meaning.enabled");
	}

	@Test
	void theVectorsAreStoredWithTheModelAndItsArtifactsVersion() {
		assertThat(EmbeddingModel.BGE_SMALL_EN_V15_Q.idOrNull()).isEqualTo("bge-small-en-v1.5-q@1.11.0-beta19");
		assertThat(EmbeddingModel.ALL_MINILM_L6_V2_Q.idOrNull()).isEqualTo("all-minilm-l6-v2-q@1.19.0-beta29");
	}

}
