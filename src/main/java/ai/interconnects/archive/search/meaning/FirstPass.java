package ai.interconnects.archive.search.meaning;

import java.util.PriorityQueue;

/**
 * The first pass of {@link VectorIndex#nearest} over a range of blocks: each moment's
 * sign-bit distance to the query (past the last distance when the filter does not admit
 * it) and how many moments lie at each distance; then the moments within a threshold
 * scored.
 */
final class FirstPass {

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
			for (int i = 0; i < block.size(); i++) {
				int distance = MeaningFilter.admits(block, i, speaker) ? block.hamming(i, bits)
						: EmbeddingModel.DIMENSIONS + 1;
				this.distances[n++] = (short) distance;
				this.histogram[distance]++;
			}
		}
	}

	/** Where the blocks split into two halves of about as many moments. */
	static int middle(VectorBlock[] blocks, long moments) {
		int split = 0;
		for (long seen = 0; split < blocks.length && seen < moments / 2; split++) {
			seen += blocks[split].size();
		}
		return split;
	}

	/** How many moments of both passes lie at each distance. */
	static int[] histogram(FirstPass first, FirstPass second) {
		var histogram = new int[first.histogram.length];
		for (int d = 0; d < histogram.length; d++) {
			histogram[d] = first.histogram[d] + second.histogram[d];
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
					VectorIndex.offer(top, new VectorIndex.Scored(block, i, block.score(i, query)), k);
				}
			}
		}
		return top;
	}

}
