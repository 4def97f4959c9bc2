package ai.interconnects.archive.search.meaning;

import java.util.List;

/**
 * One episode's vectors in memory, compact: each moment as a sign bit per dimension (48
 * bytes, for the fast first pass of {@link VectorIndex}) and as 8-bit integers with one
 * scale (388 bytes, for scoring), so 2 M moments take about 0.9 GB instead of the 3 GB of
 * their floats. The 8-bit dot product differs from the float one by about 0.002.
 */
final class VectorBlock {

	static final int WORDS = EmbeddingModel.DIMENSIONS / 64;

	final long episodeId;

	final long revision;

	/** Publication time in epoch seconds, or {@link Long#MIN_VALUE} when unknown. */
	final long publishedAt;

	final MomentKind[] kinds;

	final int[] positions;

	/** Speaker of each segment as a {@link SpeakerIds} id, -1 for none. */
	final int[] speakers;

	final long[] bits;

	final byte[] codes;

	final float[] scales;

	/** The normalised mean of the episode's vectors: what the episode is about. */
	final float[] centroid;

	/** One stored vector, as read from the database. */
	record Moment(MomentKind kind, int position, int speaker, float[] vector) {
	}

	VectorBlock(long episodeId, long revision, long publishedAt, List<Moment> moments) {
		int n = moments.size();
		int d = EmbeddingModel.DIMENSIONS;
		this.episodeId = episodeId;
		this.revision = revision;
		this.publishedAt = publishedAt;
		this.kinds = new MomentKind[n];
		this.positions = new int[n];
		this.speakers = new int[n];
		this.bits = new long[n * WORDS];
		this.codes = new byte[n * d];
		this.scales = new float[n];
		var mean = new float[d];
		for (int i = 0; i < n; i++) {
			var moment = moments.get(i);
			this.kinds[i] = moment.kind();
			this.positions[i] = moment.position();
			this.speakers[i] = moment.speaker();
			var vector = moment.vector();
			this.scales[i] = quantize(vector, this.codes, i * d);
			signs(vector, this.bits, i * WORDS);
			for (int j = 0; j < d; j++) {
				mean[j] += vector[j];
			}
		}
		this.centroid = OnnxEncoder.normalize(mean);
	}

	int size() {
		return this.kinds.length;
	}

	/** Bytes held, roughly. */
	long bytes() {
		return bytes(size());
	}

	/**
	 * Bytes a block of this many moments holds, roughly: per moment its kind, position,
	 * speaker and scale, its sign bits and its 8-bit vector; the episode's mean vector.
	 */
	static long bytes(int moments) {
		return 64L + moments * (4L + 4 + 4 + 4 + WORDS * 8L + EmbeddingModel.DIMENSIONS)
				+ EmbeddingModel.DIMENSIONS * 4L;
	}

	/**
	 * Writes {@code vector} as 8-bit integers at {@code offset}; returns the scale that
	 * turns them back into floats (its largest component maps to ±127).
	 */
	static float quantize(float[] vector, byte[] into, int offset) {
		float max = 0;
		for (float x : vector) {
			max = Math.max(max, Math.abs(x));
		}
		float scale = (max > 0) ? max / 127f : 1f;
		for (int j = 0; j < vector.length; j++) {
			into[offset + j] = (byte) Math.round(vector[j] / scale);
		}
		return scale;
	}

	static void signs(float[] vector, long[] into, int offset) {
		for (int j = 0; j < vector.length; j++) {
			if (vector[j] > 0) {
				into[offset + j / 64] |= 1L << (j % 64);
			}
		}
	}

	/** Dimensions whose signs differ from the query's: the first pass's distance. */
	int hamming(int i, long[] query) {
		int o = i * WORDS;
		int distance = 0;
		for (int w = 0; w < WORDS; w++) {
			distance += Long.bitCount(this.bits[o + w] ^ query[w]);
		}
		return distance;
	}

	/** Cosine similarity of moment {@code i} with the query (both quantized). */
	float score(int i, Query query) {
		int o = i * EmbeddingModel.DIMENSIONS;
		var q = query.codes;
		int sum = 0;
		for (int j = 0; j < q.length; j++) {
			sum += this.codes[o + j] * q[j];
		}
		return sum * this.scales[i] * query.scale;
	}

	/** Moment {@code i}'s vector, from its 8-bit form. */
	float[] vector(int i) {
		var vector = new float[EmbeddingModel.DIMENSIONS];
		for (int j = 0; j < vector.length; j++) {
			vector[j] = this.codes[i * vector.length + j] * this.scales[i];
		}
		return vector;
	}

	/** A query vector, quantized like the moments. */
	static final class Query {

		final float[] vector;

		final byte[] codes = new byte[EmbeddingModel.DIMENSIONS];

		final long[] bits = new long[WORDS];

		final float scale;

		Query(float[] vector) {
			this.vector = vector;
			this.scale = quantize(vector, this.codes, 0);
			signs(vector, this.bits, 0);
		}

	}

}
