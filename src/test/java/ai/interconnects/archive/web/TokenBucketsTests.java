package ai.interconnects.archive.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTests {

	private static final long SECOND = 1_000_000_000L;

	final AtomicLong now = new AtomicLong();

	@Test
	void aClientMayBurstThenWaitsForTheRate() {
		var buckets = new TokenBuckets(TokenBuckets.Rule.perMinute(3, 60), 100, this.now::get);

		assertThat(buckets.take("a")).isZero();
		assertThat(buckets.take("a")).isZero();
		assertThat(buckets.take("a")).isZero();
		assertThat(buckets.take("a")).isEqualTo(Duration.ofSeconds(1));
		assertThat(buckets.take("b")).as("another key has its own bucket").isZero();
		this.now.addAndGet(SECOND);
		assertThat(buckets.take("a")).isZero();
		assertThat(buckets.take("a")).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void memoryStaysBoundedUnderManyAddresses() {
		var buckets = new TokenBuckets(TokenBuckets.Rule.perMinute(3, 60), 100, this.now::get);

		for (int i = 0; i < 10_000; i++) {
			buckets.take("10.0." + (i / 256) + "." + (i % 256));
			assertThat(buckets.size()).isLessThanOrEqualTo(100);
		}
	}

	@Test
	void idleClientsAreForgottenFirst() {
		var buckets = new TokenBuckets(TokenBuckets.Rule.perMinute(2, 60), 10, this.now::get);
		buckets.take("busy");
		buckets.take("busy");
		for (int i = 0; i < 9; i++) {
			buckets.take("idle-" + i);
		}
		this.now.addAndGet(2 * SECOND);
		buckets.take("busy");
		buckets.take("busy");

		buckets.take("newcomer");

		assertThat(buckets.size()).isEqualTo(2);
		assertThat(buckets.take("busy")).as("the busy client's count was kept").isPositive();
	}

	@Test
	void aFloodOfTenThousandAddressesNeitherResetsAnAbuserNorLocksOutAnyoneElse() {
		var buckets = new TokenBuckets(TokenBuckets.Rule.perMinute(60, 120), 10_000, this.now::get);
		for (int i = 0; i < 60; i++) {
			buckets.take("abuser");
		}
		for (int i = 0; i < 30; i++) {
			buckets.take("reader");
		}
		assertThat(buckets.take("abuser")).isPositive();

		for (int i = 0; i < 10_000; i++) {
			assertThat(buckets.take("flood-" + i)).as("every newcomer gets a bucket").isZero();
			assertThat(buckets.size()).isLessThanOrEqualTo(10_000);
		}

		assertThat(buckets.take("abuser")).as("the abuser is still limited").isPositive();
		assertThat(buckets.take("reader")).as("a reader who used half the burst still reads").isZero();
		assertThat(buckets.take("one-more")).isZero();
	}

	@Test
	void spendingBeyondEmptyBacksOffUntilTheFailuresAreForgotten() {
		var rule = new TokenBuckets.Rule(2, Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofHours(1));
		var buckets = new TokenBuckets(rule, 100, this.now::get);
		buckets.spend("x");
		assertThat(buckets.waitFor("x")).isZero();
		buckets.spend("x");
		assertThat(buckets.waitFor("x")).isEqualTo(Duration.ofSeconds(10));
		this.now.addAndGet(10 * SECOND);
		buckets.spend("x");
		assertThat(buckets.waitFor("x")).isEqualTo(Duration.ofSeconds(20));
		buckets.spend("x");
		buckets.spend("x");
		assertThat(buckets.waitFor("x")).as("at most the longest interval").isEqualTo(Duration.ofSeconds(60));
		this.now.addAndGet(3600 * SECOND);
		assertThat(buckets.waitFor("x")).isZero();
		buckets.spend("x");
		buckets.spend("x");
		assertThat(buckets.waitFor("x")).as("the back-off was forgotten").isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void backedOffKeysOutlastAFloodOfFreshOnes() {
		var rule = new TokenBuckets.Rule(5, Duration.ofSeconds(10), Duration.ofMinutes(15), Duration.ofHours(1));
		var buckets = new TokenBuckets(rule, 1_000, this.now::get);
		for (int i = 0; i < 8; i++) {
			buckets.spend("guesser");
		}
		for (int i = 0; i < 5_000; i++) {
			buckets.spend("flood-" + i);
		}
		assertThat(buckets.waitFor("guesser")).isEqualTo(Duration.ofSeconds(80));
	}

}
