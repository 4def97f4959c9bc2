package ai.interconnects.archive.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most {@code archive.clients.max-concurrent-requests} requests in progress per client
 * ({@link ClientAddresses}, an IPv6 client by its /64): one more gets a 503 with
 * {@code Retry-After} at once, before it reads anything or takes a database connection. A
 * request thread is what a slow client holds (waiting connections cost no thread), so
 * this is what keeps one client from taking them all. Refusals are logged in one line at
 * most once a minute, with their count.
 */
final class ClientRequestCap extends ValveBase {

	private static final Logger log = LoggerFactory.getLogger(ClientRequestCap.class);

	private static final long LOG_EVERY_NANOS = 60_000_000_000L;

	private final ClientAddresses clients;

	private final int max;

	private final Supplier<String> siteName;

	private final ConcurrentHashMap<String, AtomicInteger> inProgress = new ConcurrentHashMap<>();

	private final AtomicInteger refused = new AtomicInteger();

	private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

	ClientRequestCap(ClientAddresses clients, int max, Supplier<String> siteName) {
		super(true);
		this.clients = clients;
		this.max = max;
		this.siteName = siteName;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		var key = ClientAddresses.key(this.clients.of(request));
		var count = this.inProgress.compute(key, (k, old) -> {
			var counter = (old != null) ? old : new AtomicInteger();
			counter.incrementAndGet();
			return counter;
		});
		try {
			if (count.get() > this.max) {
				refuse(request, response, key);
				return;
			}
			getNext().invoke(request, response);
		}
		finally {
			// the entry goes with its last request, so the map holds only busy clients
			this.inProgress.computeIfPresent(key, (k, counter) -> (counter.decrementAndGet() == 0) ? null : counter);
		}
	}

	int inProgress() {
		return this.inProgress.size();
	}

	private void refuse(Request request, Response response, String key) throws IOException {
		if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
			RequestBodyValve.refuseUnread(request, response);
		}
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "1");
		response.setContentType("text/html;charset=UTF-8");
		SecurityHeadersFilter.apply(response);
		var page = FriendlyErrorReportValve.page(HttpServletResponse.SC_SERVICE_UNAVAILABLE, this.siteName.get())
			.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(page.length);
		response.getOutputStream().write(page);
		int count = this.refused.incrementAndGet();
		long now = System.nanoTime();
		long last = this.lastLog.get();
		if (now - last >= LOG_EVERY_NANOS && this.lastLog.compareAndSet(last, now)) {
			this.refused.addAndGet(-count);
			log.warn("Refused {} request(s) in the last minute from clients with {} requests in progress already, "
					+ "the latest from {}", count, this.max, key);
		}
	}

}
