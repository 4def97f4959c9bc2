package ai.interconnects.archive.search.meaning;

import java.util.List;
import java.util.PriorityQueue;

/**
 * The first pass of {@link VectorIndex#nearest} over a range of blocks: each moment's
 * sign-bit distance to the query (past the last distance when the filter does not admit
 * it) and how many moments lie at each distance; then the moments within a threshold
 * scored.
 */
final class FirstPass {

	/**
	 * The parts of a scan beyond {@link VectorIndex#EXACT_LIMIT}: enough for the threads
	 * to share evenly when one of them joins late ({@link ScanHelp#help}).
	 */
	static final int PARTS = 8;

	/**
	 * The {@code k} moments closest to the query in these blocks ({@code count} moments):
	 * the sign-bit pass, then the closest {@link VectorIndex#rescored} scored.
	 */
	static List<VectorIndex.Scored> nearest(VectorBlock[] blocks, long count, VectorBlock.Query query, int speaker,
			int k, ScanHelp help) {
		// first pass: sign-bit distances, and how many moments lie at each distance; the
		// blocks in parts of about as many moments, read at once by the threads help
		// brings
		var bounds = bounds(blocks, count, PARTS);
		var passes = new FirstPass[PARTS];
		help.run(PARTS, (p) -> passes[p] = new FirstPass(blocks, bounds[p], bounds[p + 1], query.bits, speaker));
		var histogram = histogram(passes);
		int wanted = VectorIndex.rescored(k);
		int threshold = 0;
		for (int seen = 0; threshold < EmbeddingModel.DIMENSIONS && seen + histogram[threshold] < wanted;) {
			seen += histogram[threshold++];
		}
		int limit = threshold;
		@SuppressWarnings("unchecked")
		PriorityQueue<VectorIndex.Scored>[] tops = new PriorityQueue[PARTS];
		help.run(PARTS, (p) -> tops[p] = passes[p].rescore(limit, query, k));
		var top = VectorIndex.queue();
		for (var part : tops) {
			part.forEach((scored) -> VectorIndex.offer(top, scored, k));
		}
		return VectorIndex.sorted(top);
	}

	final VectorBlock[] blocks;

	final int from;

	final int to;

	final short[] distances;

	final int[] histogram = new int[EmbeddingModel.DIMENSIONS + 2];

	FirstPass(VectorBlock[] blocks, int from, int to, long[] bits, int speaker) {
		this.blocks = blocks;
		this.from = from;
		this.to = to;
		int count = 0;
		for (int b = from; b < to; b++) {
			count += blocks[b].size();
		}
		this.distances = new short[count];
		int n = 0;
		for (int b = from; b < to; b++) {
			var block = blocks[b];
			if (speaker == SpeakerIds.ANY) {
				// every moment admitted: the plain loop over the block's bits, which the
				// compiler unrolls (the bulk of a search's scan)
				var words = block.bits;
				for (int o = 0; o < words.length; o += VectorBlock.WORDS) {
					int distance = 0;
					for (int w = 0; w < VectorBlock.WORDS; w++) {
						distance += Long.bitCount(words[o + w] ^ bits[w]);
					}
					this.distances[n++] = (short) distance;
					this.histogram[distance]++;
				}
				continue;
			}
			for (int i = 0; i < block.size(); i++) {
				int distance = MeaningFilter.admits(block, i, speaker) ? block.hamming(i, bits)
						: EmbeddingModel.DIMENSIONS + 1;
				this.distances[n++] = (short) distance;
				this.histogram[distance]++;
			}
		}
	}

	/**
	 * Where the blocks split into {@code parts} ranges of about as many moments:
	 * {@code parts + 1} block indexes, the first 0 and the last the number of blocks.
	 */
	static int[] bounds(VectorBlock[] blocks, long moments, int parts) {
		var bounds = new int[parts + 1];
		int block = 0;
		long seen = 0;
		for (int p = 1; p < parts; p++) {
			while (block < blocks.length && seen < moments * p / parts) {
				seen += blocks[block++].size();
			}
			bounds[p] = block;
		}
		bounds[parts] = blocks.length;
		return bounds;
	}

	/** How many moments of all the passes lie at each distance. */
	static int[] histogram(FirstPass[] passes) {
		var histogram = new int[passes[0].histogram.length];
		for (var pass : passes) {
			for (int d = 0; d < histogram.length; d++) {
				histogram[d] += pass.histogram[d];
			}
		}
		return histogram;
	}

	/** The best {@code k} of the moments within {@code threshold}, scored. */
	PriorityQueue<VectorIndex.Scored> rescore(int threshold, VectorBlock.Query query, int k) {
		var top = VectorIndex.queue();
		int n = 0;
		for (int b = this.from; b < this.to; b++) {
			var block = this.blocks[b];
			for (int i = 0; i < block.size(); i++) {
				if (this.distances[n++] <= threshold) {
					VectorIndex.offer(top, block, i, block.score(i, query), k);
				}
			}
		}
		return top;
	}

}
