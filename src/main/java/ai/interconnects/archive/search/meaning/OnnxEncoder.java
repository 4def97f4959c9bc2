package ai.interconnects.archive.search.meaning;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * One sentence-embedding model running in-process on ONNX Runtime: texts in, unit-length
 * vectors out. Thread-safe (ONNX Runtime sessions may be run concurrently); each run uses
 * {@code threads} intra-op threads, so the background worker can be held to one core.
 */
final class OnnxEncoder implements AutoCloseable {

	private final EmbeddingModel model;

	private final WordPieceTokenizer tokenizer;

	private final OrtEnvironment environment;

	private final OrtSession session;

	private OnnxEncoder(EmbeddingModel model, WordPieceTokenizer tokenizer, OrtEnvironment environment,
			OrtSession session) {
		this.model = model;
		this.tokenizer = tokenizer;
		this.environment = environment;
		this.session = session;
	}

	/**
	 * Loads the model's ONNX file and vocabulary from the class path. Throws when the
	 * model is not on the class path or ONNX Runtime has no native library for this
	 * platform ({@link UnsatisfiedLinkError}, an {@link Error} the caller catches).
	 */
	static OnnxEncoder load(EmbeddingModel model, int threads) throws IOException, OrtException {
		WordPieceTokenizer tokenizer;
		try (var in = resource(model.tokenizerResource())) {
			tokenizer = WordPieceTokenizer.read(in);
		}
		byte[] onnx;
		try (var in = resource(model.onnxResource())) {
			onnx = in.readAllBytes();
		}
		var environment = OrtEnvironment.getEnvironment();
		try (var options = new OrtSession.SessionOptions()) {
			options.setIntraOpNumThreads(threads);
			options.setInterOpNumThreads(1);
			options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			// without the arena, the memory of a batch of long texts is returned after
			// it,
			// instead of staying reserved for the life of the process
			options.setCPUArenaAllocator(false);
			options.setMemoryPatternOptimization(false);
			return new OnnxEncoder(model, tokenizer, environment, environment.createSession(onnx, options));
		}
	}

	private static InputStream resource(String name) throws IOException {
		var in = OnnxEncoder.class.getClassLoader().getResourceAsStream(name);
		if (in == null) {
			throw new IOException("Not on the class path: " + name);
		}
		return in;
	}

	EmbeddingModel model() {
		return this.model;
	}

	/** One query, with the model's query instruction when it has one. */
	float[] embedQuery(String query) throws OrtException {
		return embed(List.of(this.model.queryPrefix() + query)).get(0);
	}

	/**
	 * Unit-length vectors of the given texts, in their order. Texts are cut to the
	 * model's longest input. Runs in batches of similar length, so little padding is
	 * computed.
	 */
	List<float[]> embed(List<String> texts) throws OrtException {
		var encoded = new int[texts.size()][];
		var order = new Integer[texts.size()];
		for (int i = 0; i < texts.size(); i++) {
			encoded[i] = this.tokenizer.encode(texts.get(i), this.model.maxTokens());
			order[i] = i;
		}
		Arrays.sort(order, Comparator.comparingInt((Integer i) -> encoded[i].length));
		var vectors = new float[texts.size()][];
		for (int from = 0; from < order.length; from += BATCH) {
			var batch = Arrays.copyOfRange(order, from, Math.min(order.length, from + BATCH));
			var rows = new int[batch.length][];
			for (int i = 0; i < batch.length; i++) {
				rows[i] = encoded[batch[i]];
			}
			var out = run(rows);
			for (int i = 0; i < batch.length; i++) {
				vectors[batch[i]] = out[i];
			}
		}
		return new ArrayList<>(Arrays.asList(vectors));
	}

	private static final int BATCH = 8;

	private float[][] run(int[][] rows) throws OrtException {
		int length = 0;
		for (var row : rows) {
			length = Math.max(length, row.length);
		}
		var ids = new long[rows.length][length];
		var mask = new long[rows.length][length];
		var types = new long[rows.length][length];
		for (int i = 0; i < rows.length; i++) {
			for (int j = 0; j < rows[i].length; j++) {
				ids[i][j] = rows[i][j];
				mask[i][j] = 1;
			}
		}
		try (var idsTensor = OnnxTensor.createTensor(this.environment, ids);
				var maskTensor = OnnxTensor.createTensor(this.environment, mask);
				var typesTensor = OnnxTensor.createTensor(this.environment, types)) {
			var inputs = new java.util.HashMap<String, OnnxTensor>();
			for (var name : this.session.getInputNames()) {
				inputs.put(name, switch (name) {
					case "input_ids" -> idsTensor;
					case "attention_mask" -> maskTensor;
					case "token_type_ids" -> typesTensor;
					default -> throw new OrtException("Unexpected model input " + name);
				});
			}
			try (var result = this.session.run(Map.copyOf(inputs))) {
				var hidden = (float[][][]) result.get(0).getValue();
				var vectors = new float[rows.length][];
				for (int i = 0; i < rows.length; i++) {
					vectors[i] = normalize(this.model.pooling().pool(hidden[i], rows[i].length));
				}
				return vectors;
			}
		}
	}

	static float[] normalize(float[] vector) {
		double norm = 0;
		for (float x : vector) {
			norm += x * x;
		}
		float scale = (norm > 0) ? (float) (1 / Math.sqrt(norm)) : 0;
		for (int i = 0; i < vector.length; i++) {
			vector[i] *= scale;
		}
		return vector;
	}

	@Override
	public void close() throws OrtException {
		this.session.close();
	}

}
