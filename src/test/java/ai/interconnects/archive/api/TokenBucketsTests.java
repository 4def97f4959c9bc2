package ai.interconnects.archive.api;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTests {

	final AtomicLong now = new AtomicLong();

	@Test
	void aClientMayBurstThenWaitsForTheRate() {
		var buckets = new TokenBuckets(3, 60, 100, this.now::get);

		assertThat(buckets.take("a")).isZero();
		assertThat(buckets.take("a")).isZero();
		assertThat(buckets.take("a")).isZero();
		assertThat(buckets.take("a")).isEqualTo(1);
		assertThat(buckets.take("b")).as("another address has its own bucket").isZero();
		this.now.addAndGet(1_000_000_000L);
		assertThat(buckets.take("a")).isZero();
		assertThat(buckets.take("a")).isEqualTo(1);
	}

	@Test
	void memoryStaysBoundedUnderManyAddresses() {
		var buckets = new TokenBuckets(3, 60, 100, this.now::get);

		for (int i = 0; i < 10_000; i++) {
			buckets.take("10.0." + (i / 256) + "." + (i % 256));
			assertThat(buckets.size()).isLessThanOrEqualTo(100);
		}
	}

	@Test
	void idleClientsAreForgottenFirst() {
		var buckets = new TokenBuckets(2, 60, 10, this.now::get);
		buckets.take("busy");
		buckets.take("busy");
		for (int i = 0; i < 9; i++) {
			buckets.take("idle-" + i);
		}
		this.now.addAndGet(2_000_000_000L);
		buckets.take("busy");
		buckets.take("busy");

		buckets.take("newcomer");

		assertThat(buckets.size()).isEqualTo(2);
		assertThat(buckets.take("busy")).as("the busy client's count was kept").isPositive();
	}

	@Test
	void overTheLimitTheFilterAnswersTooManyRequestsAsAProblem() throws Exception {
		var filter = new ApiRateLimitFilter(new ApiProperties(20, 60, 2, 100, 2));

		int[] statuses = new int[3];
		MockHttpServletResponse last = null;
		for (int i = 0; i < 3; i++) {
			var request = new MockHttpServletRequest("GET", "/api/v1/episodes");
			request.setRemoteAddr("192.0.2.1");
			last = new MockHttpServletResponse();
			filter.doFilter(request, last, new MockFilterChain());
			statuses[i] = last.getStatus();
		}

		assertThat(statuses).containsExactly(200, 200, 429);
		assertThat(last.getHeader("Retry-After")).isEqualTo("1");
		assertThat(last.getContentType()).startsWith("application/problem+json");
		assertThat(last.getContentAsString()).contains("\"status\":429");
		var page = new MockHttpServletRequest("GET", "/episodes/x");
		page.setRemoteAddr("192.0.2.1");
		var pageResponse = new MockHttpServletResponse();
		filter.doFilter(page, pageResponse, new MockFilterChain());
		assertThat(pageResponse.getStatus()).as("pages are not limited").isEqualTo(200);
	}

}
