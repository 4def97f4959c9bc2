package ai.interconnects.archive.search;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A score's rounding to nine decimals is computed in doubles where that gives the same
 * result as PostgreSQL's decimal rounding, and in decimals where it might not: either way
 * the result is the decimal one, to the bit.
 */
class EpisodeScoresTests {

	@Test
	void roundingInDoublesGivesTheDecimalRoundingToTheBit() {
		var random = new SplittableRandom(21);
		for (int i = 0; i < 300_000; i++) {
			// every magnitude a score can have, and beyond
			double score = Math.pow(10, -12 + 19 * random.nextDouble());
			assertSameRounding(score);
		}
		for (int i = 0; i < 100_000; i++) {
			// next to a half billionth, where the two roundings could part
			long billionths = random.nextLong(1, 100_000_000_000_000L);
			double half = (billionths + 0.5) / 1e9;
			assertSameRounding(half);
			assertSameRounding(Math.nextUp(half));
			assertSameRounding(Math.nextDown(half));
			assertSameRounding((billionths + 0.5 + (random.nextDouble() - 0.5) * 0.3) / 1e9);
		}
		for (double score : new double[] { 0, -0.0, -1.5, 1e-9, 5e-10, 4.9999999999e-10, 0.0000000015, 1.0000000005,
				99_999.9999999995, 100_000, 123_456.789, Double.MIN_VALUE, 1e300 }) {
			assertSameRounding(score);
		}
	}

	private static void assertSameRounding(double score) {
		assertThat(Double.doubleToLongBits(EpisodeScores.rounded(score))).as("%s", score)
			.isEqualTo(Double.doubleToLongBits(EpisodeScores.exactlyRounded(score)));
	}

}
