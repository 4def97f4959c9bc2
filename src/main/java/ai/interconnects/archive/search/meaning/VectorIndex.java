package ai.interconnects.archive.search.meaning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Every moment's vector in memory ({@link VectorBlock}, one per episode), searched by
 * scanning: at this show's size (about 10 k moments) every moment is scored; beyond
 * {@link #EXACT_LIMIT} a first pass compares sign bits (48 bytes a moment: about 15 ms
 * for 2 M moments on one core) and only the closest {@link #rescored} are scored
 * (BENCHMARKS.md measures the recall against scoring all). Replaced whole, never changed:
 * a search sees one consistent set of episodes.
 */
final class VectorIndex {

	/**
	 * Up to this many moments every one is scored; beyond, the sign bits filter first.
	 */
	static final int EXACT_LIMIT = 20_000;

	private final VectorBlock[] blocks;

	private final Map<Long, VectorBlock> byEpisode;

	private final long moments;

	static final VectorIndex EMPTY = new VectorIndex(List.of());

	VectorIndex(Collection<VectorBlock> blocks) {
		this.blocks = blocks.toArray(VectorBlock[]::new);
		this.byEpisode = new HashMap<>();
		long total = 0;
		for (var block : this.blocks) {
			this.byEpisode.put(block.episodeId, block);
			total += block.size();
		}
		this.moments = total;
	}

	long moments() {
		return this.moments;
	}

	int episodes() {
		return this.blocks.length;
	}

	long bytes() {
		long bytes = 0;
		for (var block : this.blocks) {
			bytes += block.bytes();
		}
		return bytes;
	}

	VectorBlock block(long episodeId) {
		return this.byEpisode.get(episodeId);
	}

	Collection<VectorBlock> blocks() {
		return List.of(this.blocks);
	}

	/** This index with the given episodes replaced or added and others removed. */
	VectorIndex with(Collection<VectorBlock> changed, Collection<Long> removed) {
		var next = new HashMap<>(this.byEpisode);
		removed.forEach(next::remove);
		changed.forEach((block) -> next.put(block.episodeId, block));
		return new VectorIndex(next.values());
	}

	/**
	 * A scored moment: its episode, its place in that episode's block, the similarity.
	 */
	record Scored(VectorBlock block, int index, float score) {
	}

	/**
	 * {@link #nearest(VectorBlock.Query, MeaningFilter, int, ScanHelp)} with a pool
	 * thread.
	 */
	List<Scored> nearest(VectorBlock.Query query, MeaningFilter filter, int k) {
		return nearest(query, filter, k, new ScanHelp());
	}

	/**
	 * The {@code k} moments closest to the query among those the filter admits, best
	 * first. The first pass keeps {@link #rescored} candidates; {@code help} says which
	 * threads besides this one scan.
	 */
	List<Scored> nearest(VectorBlock.Query query, MeaningFilter filter, int k, ScanHelp help) {
		var admitted = admitted(filter);
		long count = admitted.stream().mapToLong(VectorBlock::size).sum();
		if (count <= EXACT_LIMIT) {
			return scored(admitted, query, filter.speakerId(), k);
		}
		return FirstPass.nearest(admitted.toArray(VectorBlock[]::new), count, query, filter.speakerId(), k, help);
	}

	/**
	 * Every moment the filter admits scored: the answer the first pass approximates
	 * beyond {@link #EXACT_LIMIT} ({@code VectorHeapBenchmark} measures its recall).
	 */
	List<Scored> exact(VectorBlock.Query query, MeaningFilter filter, int k) {
		return scored(admitted(filter), query, filter.speakerId(), k);
	}

	private List<VectorBlock> admitted(MeaningFilter filter) {
		return Arrays.stream(this.blocks).filter(filter::admits).toList();
	}

	/** The {@code k} best of these blocks' moments the speaker admits, all scored. */
	private static List<Scored> scored(List<VectorBlock> blocks, VectorBlock.Query query, int speaker, int k) {
		var top = queue();
		for (var block : blocks) {
			for (int i = 0; i < block.size(); i++) {
				if (MeaningFilter.admits(block, i, speaker)) {
					offer(top, block, i, block.score(i, query), k);
				}
			}
		}
		return sorted(top);
	}

	/** Candidates scored after the first pass for a request of {@code k}. */
	static int rescored(int k) {
		return Math.max(2_000, 20 * k);
	}

	/** The episode's {@code k} moments closest to the query, best first (all scored). */
	List<Scored> bestInEpisode(VectorBlock.Query query, long episodeId, MeaningFilter filter, int k) {
		var block = this.byEpisode.get(episodeId);
		return scored((block != null) ? List.of(block) : List.of(), query, filter.speakerId(), k);
	}

	/**
	 * An episode close to another, and the moment of it closest to the other's subject.
	 */
	record Related(VectorBlock block, double similarity, int topic) {
	}

	/**
	 * The {@code k} episodes whose subject (the mean of their moments' vectors) is
	 * closest to the given episode's, each with its moment closest to that subject: its
	 * best chapter title when it has chapters, else its best paragraph.
	 */
	List<Related> related(long episodeId, int k) {
		var source = this.byEpisode.get(episodeId);
		var related = new ArrayList<Related>();
		if (source == null) {
			return related;
		}
		var subject = new VectorBlock.Query(source.centroid);
		for (var block : this.blocks) {
			if (block != source && block.size() > 0) {
				double similarity = 0;
				for (int j = 0; j < source.centroid.length; j++) {
					similarity += source.centroid[j] * block.centroid[j];
				}
				related.add(new Related(block, similarity, -1));
			}
		}
		related.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
		var top = new ArrayList<Related>();
		for (var r : related.subList(0, Math.min(k, related.size()))) {
			top.add(new Related(r.block(), r.similarity(), topic(r.block(), subject)));
		}
		return top;
	}

	private static int topic(VectorBlock block, VectorBlock.Query subject) {
		boolean chapters = false;
		for (var kind : block.kinds) {
			chapters |= kind == MomentKind.CHAPTER;
		}
		int best = -1;
		float score = Float.NEGATIVE_INFINITY;
		for (int i = 0; i < block.size(); i++) {
			var kind = block.kinds[i];
			boolean eligible = chapters ? kind == MomentKind.CHAPTER : kind != MomentKind.TITLE;
			if (eligible && block.score(i, subject) > score) {
				score = block.score(i, subject);
				best = i;
			}
		}
		return best;
	}

	/** The stored vector of one moment (from its 8-bit form), or null. */
	float[] vector(long episodeId, MomentKind kind, int position) {
		var block = this.byEpisode.get(episodeId);
		if (block != null) {
			for (int i = 0; i < block.size(); i++) {
				if (block.kinds[i] == kind && block.positions[i] == position) {
					return block.vector(i);
				}
			}
		}
		return null;
	}

	/**
	 * Best first: the higher score, then the higher episode id, then the earlier moment;
	 * a total order, so the {@code k} best are the same whatever order the moments are
	 * scanned in.
	 */
	private static final Comparator<Scored> BEST_FIRST = (a, b) -> (a.score() != b.score())
			? Float.compare(b.score(), a.score()) : (a.block().episodeId != b.block().episodeId)
					? Long.compare(b.block().episodeId, a.block().episodeId) : Integer.compare(a.index(), b.index());

	/** A queue of the best so far whose head is the worst of them. */
	static PriorityQueue<Scored> queue() {
		return new PriorityQueue<>(BEST_FIRST.reversed());
	}

	/**
	 * {@link #offer(PriorityQueue, Scored, int)} without making the candidate when its
	 * score is below the worst kept one's: most of a scan's moments.
	 */
	static void offer(PriorityQueue<Scored> top, VectorBlock block, int i, float score, int k) {
		if (top.size() < k || (k > 0 && score >= top.peek().score())) {
			offer(top, new Scored(block, i, score), k);
		}
	}

	static void offer(PriorityQueue<Scored> top, Scored candidate, int k) {
		if (top.size() < k) {
			top.add(candidate);
		}
		else if (k > 0 && BEST_FIRST.compare(candidate, top.peek()) < 0) {
			top.poll();
			top.add(candidate);
		}
	}

	static List<Scored> sorted(PriorityQueue<Scored> top) {
		var list = new ArrayList<>(top);
		list.sort(BEST_FIRST);
		return list;
	}

}
