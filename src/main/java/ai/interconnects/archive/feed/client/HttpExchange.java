package ai.interconnects.archive.feed.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import ai.interconnects.archive.feed.client.FeedException.Kind;

/**
 * One HTTP request of a fetch, its body streamed into memory under the size limit, the
 * read timeout and the fetch's deadline. Redirects are the caller's: this client never
 * follows them.
 */
final class HttpExchange {

	private final FeedProperties properties;

	private final HttpClient client;

	HttpExchange(FeedProperties properties) {
		this.properties = properties;
		this.client = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Sends one request and waits for the whole body, watching the read timeout (silence
	 * between bytes) and the deadline (the whole fetch) itself: the JDK client's own
	 * timeout stops at the response headers.
	 */
	HttpResponse<byte[]> send(URI url, String etag, String lastModified, Deadline deadline) throws FeedException {
		HttpRequest request;
		try {
			var builder = HttpRequest.newBuilder(url)
				.timeout(min(this.properties.readTimeout(), deadline.remaining()))
				.header("User-Agent", this.properties.userAgent())
				.header("Accept", "application/rss+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5")
				.header("Accept-Encoding", "gzip");
			if (etag != null) {
				builder.header("If-None-Match", etag);
			}
			if (lastModified != null) {
				builder.header("If-Modified-Since", lastModified);
			}
			request = builder.GET().build();
		}
		catch (IllegalArgumentException ex) {
			throw new FeedException(Kind.INVALID_URL, "Invalid feed URL " + url + ": " + ex.getMessage(), ex);
		}
		var subscriber = new AtomicReference<LimitedBodySubscriber>();
		long limit = this.properties.maxBodySize().toBytes();
		var future = this.client.sendAsync(request, (info) -> {
			var body = new LimitedBodySubscriber(limit);
			subscriber.set(body);
			return body;
		});
		long readTimeoutNanos = this.properties.readTimeout().toNanos();
		while (true) {
			try {
				return future.get(50, TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				var body = subscriber.get();
				String reason = null;
				if (deadline.expired()) {
					reason = "the fetch of " + url + " passed its deadline of " + deadline.total().toSeconds()
							+ " s (archive.feed.deadline)";
				}
				else if (body != null && System.nanoTime() - body.lastProgressNanos() > readTimeoutNanos) {
					reason = "no data arrived from " + url + " for " + this.properties.readTimeout().toSeconds()
							+ " s (archive.feed.read-timeout)";
				}
				if (reason != null) {
					if (body != null) {
						body.abort(new IOException(reason));
					}
					future.cancel(true);
					throw new FeedException(Kind.TIMEOUT, "Timed out: " + reason);
				}
			}
			catch (InterruptedException ex) {
				future.cancel(true);
				Thread.currentThread().interrupt();
				throw new FeedException(Kind.NETWORK, "Fetch of " + url + " was interrupted", ex);
			}
			catch (ExecutionException ex) {
				throw translate(url, ex.getCause());
			}
		}
	}

	private FeedException translate(URI url, Throwable cause) {
		if (cause instanceof LimitedBodySubscriber.BodyTooLargeException) {
			return new FeedException(Kind.TOO_LARGE, "The feed at " + url + " is larger than the limit of "
					+ this.properties.maxBodySize() + " (archive.feed.max-body-size); the download was aborted");
		}
		if (cause instanceof HttpConnectTimeoutException) {
			return new FeedException(Kind.TIMEOUT,
					"Connecting to " + url.getHost() + " timed out after "
							+ this.properties.connectTimeout().toSeconds() + " s (archive.feed.connect-timeout)",
					cause);
		}
		if (cause instanceof HttpTimeoutException) {
			return new FeedException(Kind.TIMEOUT, "No response from " + url + " within "
					+ this.properties.readTimeout().toSeconds() + " s (archive.feed.read-timeout)", cause);
		}
		if (cause instanceof ConnectException) {
			return new FeedException(Kind.NETWORK, "Could not connect to " + url.getHost() + ": connection refused",
					cause);
		}
		if (cause instanceof UnknownHostException) {
			return new FeedException(Kind.UNKNOWN_HOST, FetchTargetPolicy.unknownHost(url.getHost()), cause);
		}
		var message = (cause != null && cause.getMessage() != null) ? cause.getMessage() : String.valueOf(cause);
		return new FeedException(Kind.NETWORK, "Network error fetching " + url + ": " + message, cause);
	}

	private static Duration min(Duration a, Duration b) {
		var shorter = (a.compareTo(b) <= 0) ? a : b;
		return shorter.isNegative() || shorter.isZero() ? Duration.ofMillis(1) : shorter;
	}

	static final class Deadline {

		private final Duration total;

		private final long endNanos;

		Deadline(Duration total) {
			this.total = total;
			this.endNanos = System.nanoTime() + total.toNanos();
		}

		Duration total() {
			return this.total;
		}

		Duration remaining() {
			return Duration.ofNanos(this.endNanos - System.nanoTime());
		}

		boolean expired() {
			return System.nanoTime() > this.endNanos;
		}

	}

}
