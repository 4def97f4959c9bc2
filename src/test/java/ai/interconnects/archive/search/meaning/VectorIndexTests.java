package ai.interconnects.archive.search.meaning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory index against an exact float scan: the 8-bit scores stay within 0.01 of
 * the cosine, and beyond {@link VectorIndex#EXACT_LIMIT} moments the sign-bit first pass
 * keeps nearly all of the true nearest (vectors made in clusters, as real ones are).
 */
class VectorIndexTests {

	final SplittableRandom random = new SplittableRandom(11);

	float[] unit(float[] v) {
		return OnnxEncoder.normalize(v);
	}

	float[] near(float[] center, double noise) {
		var v = new float[center.length];
		for (int i = 0; i < v.length; i++) {
			v[i] = (float) (center[i] + noise * this.random.nextGaussian());
		}
		return unit(v);
	}

	float[] gaussian() {
		var v = new float[EmbeddingModel.DIMENSIONS];
		for (int i = 0; i < v.length; i++) {
			v[i] = (float) this.random.nextGaussian();
		}
		return unit(v);
	}

	record Stored(long episode, int position, float[] vector) {
	}

	List<Stored> archive(int episodes, int moments, List<float[]> centers) {
		var stored = new ArrayList<Stored>();
		for (int e = 0; e < episodes; e++) {
			for (int m = 0; m < moments; m++) {
				var center = centers.get(this.random.nextInt(centers.size()));
				stored.add(new Stored(e + 1, m, near(center, 0.04)));
			}
		}
		return stored;
	}

	VectorIndex index(List<Stored> stored, int episodes) {
		var blocks = new ArrayList<VectorBlock>();
		for (int e = 1; e <= episodes; e++) {
			var moments = new ArrayList<VectorBlock.Moment>();
			for (var s : stored) {
				if (s.episode() == e) {
					moments.add(new VectorBlock.Moment(MomentKind.SEGMENT, s.position(),
							SpeakerIds.of((s.position() % 2 == 0) ? "Even Speaker" : "Odd Speaker"), s.vector()));
				}
			}
			blocks.add(new VectorBlock(e, 1, Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() + e * 86_400L,
					moments));
		}
		return new VectorIndex(blocks);
	}

	static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

	@Test
	void theSignBitFirstPassKeepsTheTrueNearestOfALargeArchive() {
		var centers = new ArrayList<float[]>();
		for (int i = 0; i < 300; i++) {
			centers.add(gaussian());
		}
		var stored = archive(120, 250, centers);
		var index = index(stored, 120);
		assertThat(index.moments()).isGreaterThan(VectorIndex.EXACT_LIMIT);
		double recall = 0;
		int queries = 20;
		for (int q = 0; q < queries; q++) {
			var query = near(centers.get(this.random.nextInt(centers.size())), 0.05);
			var exact = stored.stream()
				.sorted(Comparator.comparingDouble((Stored s) -> -dot(query, s.vector())))
				.limit(10)
				.map((s) -> s.episode() + ":" + s.position())
				.toList();
			var found = new HashSet<String>();
			for (var hit : index.nearest(new VectorBlock.Query(query), MeaningFilter.NONE, 10)) {
				found.add(hit.block().episodeId + ":" + hit.block().positions[hit.index()]);
				var vector = stored.stream()
					.filter((s) -> s.episode() == hit.block().episodeId
							&& s.position() == hit.block().positions[hit.index()])
					.findFirst()
					.orElseThrow()
					.vector();
				assertThat((double) hit.score()).isCloseTo(dot(query, vector),
						org.assertj.core.data.Offset.offset(0.01));
			}
			recall += exact.stream().filter(found::contains).count() / 10.0;
		}
		assertThat(recall / queries).isGreaterThanOrEqualTo(0.9);
	}

	@Test
	void theClosestMomentsAreFoundWhenTheSampledBlocksMisjudgeTheThreshold() {
		// the blocks the first pass samples (one in FirstPass.SAMPLE) hold moments with
		// the query's every sign but little of its direction (sign-bit distance 0, cosine
		// near 0.1); the others hold moments close to the query with a few signs flipped.
		// The sample sets the provisional threshold at 0, too few moments lie there, and
		// the pass must be read again to find the closest
		var direction = new float[EmbeddingModel.DIMENSIONS];
		for (int j = 0; j < direction.length; j++) {
			direction[j] = (float) (1 + 0.5 * Math.abs(this.random.nextGaussian()));
		}
		var query = unit(direction);
		var stored = new ArrayList<Stored>();
		int episodes = 64;
		for (int e = 1; e <= episodes; e++) {
			for (int m = 0; m < 330; m++) {
				float[] vector;
				if ((e - 1) % FirstPass.SAMPLE == 0) {
					vector = new float[direction.length];
					for (int j = 0; j < vector.length; j++) {
						vector[j] = 0.001f;
					}
					vector[(e + m) % vector.length] = 1;
					vector = unit(vector);
				}
				else {
					vector = near(query, 0.03);
				}
				stored.add(new Stored(e, m, vector));
			}
		}
		var index = index(stored, episodes);
		assertThat(index.moments()).isGreaterThan(VectorIndex.EXACT_LIMIT);
		var asked = new VectorBlock.Query(query);
		// what the first pass defines: the best scores among the moments within the
		// least sign-bit distance that holds VectorIndex.rescored of them
		var histogram = new int[EmbeddingModel.DIMENSIONS + 1];
		index.blocks().forEach((block) -> {
			for (int i = 0; i < block.size(); i++) {
				histogram[block.hamming(i, asked.bits)]++;
			}
		});
		int threshold = 0;
		for (int seen = histogram[0]; seen < VectorIndex.rescored(10); seen += histogram[++threshold]) {
			// up to the distance that holds enough moments
		}
		assertThat(histogram[0]).isLessThan(VectorIndex.rescored(10));
		var expected = VectorIndex.queue();
		for (var block : index.blocks()) {
			for (int i = 0; i < block.size(); i++) {
				if (block.hamming(i, asked.bits) <= threshold) {
					VectorIndex.offer(expected, block, i, block.score(i, asked), 10);
				}
			}
		}

		var hits = index.nearest(asked, MeaningFilter.NONE, 10);

		assertThat(hits).extracting((h) -> h.block().episodeId + ":" + h.index())
			.containsExactlyElementsOf(
					VectorIndex.sorted(expected).stream().map((h) -> h.block().episodeId + ":" + h.index()).toList());
		assertThat(hits).allSatisfy((h) -> assertThat(h.score()).isGreaterThan(0.5f));
	}

	@Test
	void equalScoresGoToTheHigherEpisodeThenTheEarlierMomentWhateverTheScanOrder() {
		// a large archive where every episode repeats the same paragraph (as "This is a
		// public episode…" does): more equal scores than k, across both halves of the
		// scan
		var centers = new ArrayList<float[]>();
		for (int i = 0; i < 50; i++) {
			centers.add(gaussian());
		}
		var repeated = near(centers.get(0), 0.01);
		var stored = new ArrayList<Stored>();
		for (var s : archive(100, 240, centers)) {
			stored.add((s.position() % 60 == 7) ? new Stored(s.episode(), s.position(), repeated) : s);
		}
		var index = index(stored, 100);
		var backwards = new ArrayList<>(index.blocks());
		java.util.Collections.reverse(backwards);
		var reversed = new VectorIndex(backwards);
		assertThat(index.moments()).isGreaterThan(VectorIndex.EXACT_LIMIT);

		var query = new VectorBlock.Query(repeated);
		var hits = index.nearest(query, MeaningFilter.NONE, 50);

		assertThat(hits).extracting((h) -> h.block().episodeId + ":" + h.block().positions[h.index()])
			.containsExactlyElementsOf(reversed.nearest(query, MeaningFilter.NONE, 50)
				.stream()
				.map((h) -> h.block().episodeId + ":" + h.block().positions[h.index()])
				.toList());
		// 400 equal best scores: the 50 kept are those of the highest episodes, earliest
		// first
		assertThat(hits.get(0).score()).isEqualTo(hits.get(49).score());
		assertThat(hits).extracting((h) -> h.block().episodeId).startsWith(100L, 100L, 100L, 100L, 99L);
		assertThat(hits).extracting((h) -> h.block().positions[h.index()]).startsWith(7, 67, 127, 187, 7);
	}

	@Test
	void filtersKeepOnlyTheSpeakersParagraphsAndTheEpisodesOfTheDates() {
		var centers = List.of(gaussian(), gaussian());
		var stored = archive(10, 20, centers);
		var index = index(stored, 10);
		var query = new VectorBlock.Query(near(centers.get(0), 0.05));

		var odd = index.nearest(query, new MeaningFilter(null, null, "odd speaker"), 50);
		assertThat(odd).hasSize(50).allMatch((s) -> s.block().positions[s.index()] % 2 == 1);

		// episodes 3 to 5 were published on 4, 5 and 6 January
		var dated = index.nearest(query,
				new MeaningFilter(Instant.parse("2026-01-04T00:00:00Z"), Instant.parse("2026-01-07T00:00:00Z"), null),
				500);
		assertThat(dated).hasSize(60).allMatch((s) -> s.block().episodeId >= 3 && s.block().episodeId <= 5);

		assertThat(index.nearest(query, new MeaningFilter(null, null, "Nobody"), 5)).isEmpty();
	}

}
