package ai.interconnects.archive.search.meaning;

import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The first pass of {@link VectorIndex#nearest} over a range of blocks: each moment's
 * sign-bit distance to the query (when the filter admits it), how many moments lie at
 * each distance, and the moments within a provisional threshold kept as candidates; then
 * the candidates within the threshold the counts give scored.
 */
final class FirstPass {

	/**
	 * The parts of a scan beyond {@link VectorIndex#EXACT_LIMIT}: enough for the threads
	 * to share evenly when one of them joins late ({@link ScanHelp#help}).
	 */
	static final int PARTS = 8;

	/** One block in this many is read first to set the provisional threshold. */
	static final int SAMPLE = 16;

	/** Past every distance: a moment the filter does not admit. */
	private static final int EXCLUDED = EmbeddingModel.DIMENSIONS + 1;

	/**
	 * The {@code k} moments closest to the query in these blocks ({@code count} moments):
	 * the sign-bit pass, then the closest {@link VectorIndex#rescored} scored.
	 */
	static List<VectorIndex.Scored> nearest(VectorBlock[] blocks, long count, VectorBlock.Query query, int speaker,
			int k, ScanHelp help) {
		int wanted = VectorIndex.rescored(k);
		// which distance keeps about twice the moments wanted, judged from a sample: the
		// pass keeps the moments within it as it goes, instead of reading every moment's
		// distance again once the counts are known (about a quarter of the scan's time)
		int provisional = provisional(blocks, count, query.bits, speaker, 2L * wanted);
		// the blocks in parts of about as many moments, read at once by the threads help
		// brings
		var bounds = bounds(blocks, count, PARTS);
		var passes = new FirstPass[PARTS];
		help.run(PARTS,
				(p) -> passes[p] = new FirstPass(blocks, bounds[p], bounds[p + 1], query.bits, speaker, provisional));
		int threshold = threshold(histogram(passes), wanted);
		if (threshold > provisional) {
			// the sample misjudged (rare): the pass again, keeping every moment needed
			help.run(PARTS,
					(p) -> passes[p] = new FirstPass(blocks, bounds[p], bounds[p + 1], query.bits, speaker, threshold));
		}
		@SuppressWarnings("unchecked")
		PriorityQueue<VectorIndex.Scored>[] tops = new PriorityQueue[PARTS];
		help.run(PARTS, (p) -> tops[p] = passes[p].rescore(threshold, query, k));
		var top = VectorIndex.queue();
		for (var part : tops) {
			part.forEach((scored) -> VectorIndex.offer(top, scored, k));
		}
		return VectorIndex.sorted(top);
	}

	/**
	 * The distance within which about {@code wanted} of the {@code count} moments lie, as
	 * one block in {@link #SAMPLE} says.
	 */
	static int provisional(VectorBlock[] blocks, long count, long[] bits, int speaker, long wanted) {
		var sample = new int[EXCLUDED + 1];
		long sampled = 0;
		for (int b = 0; b < blocks.length; b += SAMPLE) {
			var block = blocks[b];
			for (int i = 0; i < block.size(); i++) {
				sample[distance(block, i, bits, speaker)]++;
			}
			sampled += block.size();
		}
		return threshold(sample, (sampled == 0) ? wanted : Math.max(1, wanted * sampled / count));
	}

	private static int distance(VectorBlock block, int i, long[] bits, int speaker) {
		return MeaningFilter.admits(block, i, speaker) ? block.hamming(i, bits) : EXCLUDED;
	}

	/**
	 * The least distance within which at least {@code wanted} moments lie (the largest
	 * distance when fewer are admitted).
	 */
	static int threshold(int[] histogram, long wanted) {
		int threshold = 0;
		for (long seen = 0; threshold < EmbeddingModel.DIMENSIONS && seen + histogram[threshold] < wanted;) {
			seen += histogram[threshold++];
		}
		return threshold;
	}

	final VectorBlock[] blocks;

	final int[] histogram = new int[EXCLUDED + 1];

	/** The moments within the provisional threshold: block, place in it, distance. */
	private int[] candidateBlocks = new int[256];

	private int[] candidateMoments = new int[256];

	private short[] distances = new short[256];

	private int candidates;

	FirstPass(VectorBlock[] blocks, int from, int to, long[] bits, int speaker, int provisional) {
		this.blocks = blocks;
		for (int b = from; b < to; b++) {
			var block = blocks[b];
			if (speaker == SpeakerIds.ANY) {
				// every moment admitted: the plain loop over the block's bits, which the
				// compiler unrolls (the bulk of a search's scan)
				var words = block.bits;
				for (int o = 0, i = 0; o < words.length; o += VectorBlock.WORDS, i++) {
					int distance = 0;
					for (int w = 0; w < VectorBlock.WORDS; w++) {
						distance += Long.bitCount(words[o + w] ^ bits[w]);
					}
					this.histogram[distance]++;
					if (distance <= provisional) {
						keep(b, i, distance);
					}
				}
				continue;
			}
			for (int i = 0; i < block.size(); i++) {
				int distance = distance(block, i, bits, speaker);
				this.histogram[distance]++;
				if (distance <= provisional) {
					keep(b, i, distance);
				}
			}
		}
	}

	private void keep(int block, int moment, int distance) {
		if (this.candidates == this.distances.length) {
			int grown = this.candidates * 2;
			this.candidateBlocks = Arrays.copyOf(this.candidateBlocks, grown);
			this.candidateMoments = Arrays.copyOf(this.candidateMoments, grown);
			this.distances = Arrays.copyOf(this.distances, grown);
		}
		this.candidateBlocks[this.candidates] = block;
		this.candidateMoments[this.candidates] = moment;
		this.distances[this.candidates++] = (short) distance;
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

	/** The best {@code k} of the candidates within {@code threshold}, scored. */
	PriorityQueue<VectorIndex.Scored> rescore(int threshold, VectorBlock.Query query, int k) {
		var top = VectorIndex.queue();
		for (int c = 0; c < this.candidates; c++) {
			if (this.distances[c] <= threshold) {
				var block = this.blocks[this.candidateBlocks[c]];
				int i = this.candidateMoments[c];
				VectorIndex.offer(top, block, i, block.score(i, query), k);
			}
		}
		return top;
	}

}
