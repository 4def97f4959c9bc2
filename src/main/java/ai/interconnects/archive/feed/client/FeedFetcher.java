package ai.interconnects.archive.feed.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import ai.interconnects.archive.feed.client.FeedException.Kind;

import org.springframework.stereotype.Component;

/**
 * Fetches the feed over HTTP(S) or from a {@code file:} URL.
 * <p>
 * Redirects are followed by hand (at most {@code archive.feed.max-redirects}) so that a
 * move made only of 301/308 hops can be told from a temporary one, and a loop is reported
 * as such. The body is streamed and aborted as soon as it passes
 * {@code archive.feed.max-body-size} (before and after gzip decoding), when no byte has
 * arrived for {@code archive.feed.read-timeout}, or when the whole fetch passes
 * {@code archive.feed.deadline}. Every request, each redirect hop included, must pass
 * {@link FetchTargetPolicy} first: no internal addresses unless the configured feed URL
 * is on one.
 */
@Component
class FeedFetcher {

	private final FeedProperties properties;

	private final HttpExchange exchange;

	FeedFetcher(FeedProperties properties) {
		this.properties = properties;
		this.exchange = new HttpExchange(properties);
	}

	/**
	 * Fetches {@code url}, sending the validators when they are given.
	 */
	FetchResult fetch(URI url, String etag, String lastModified) throws FeedException {
		var scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		return switch (scheme) {
			case "file" -> fetchFile(url);
			case "http", "https" -> fetchHttp(url, etag, lastModified);
			default -> throw new FeedException(Kind.INVALID_URL,
					"Unsupported feed URL scheme '" + scheme + "' in " + url + ": use https:, http: or file:");
		};
	}

	private FetchResult fetchFile(URI url) throws FeedException {
		Path path;
		try {
			path = Path.of(url);
		}
		catch (IllegalArgumentException ex) {
			throw new FeedException(Kind.INVALID_URL, "Not a usable file URL: " + url);
		}
		try (var in = Files.newInputStream(path)) {
			var body = readLimited(in);
			return new FetchResult(200, body, null, null, null, url, false);
		}
		catch (NoSuchFileException ex) {
			throw new FeedException(Kind.NETWORK, "Feed file not found: " + path);
		}
		catch (IOException ex) {
			throw new FeedException(Kind.NETWORK, "Could not read feed file " + path + ": " + ex.getMessage(), ex);
		}
	}

	private FetchResult fetchHttp(URI start, String etag, String lastModified) throws FeedException {
		var deadline = new HttpExchange.Deadline(this.properties.deadline());
		var visited = new HashSet<URI>();
		var url = start;
		var permanent = true;
		for (int hop = 0; hop <= this.properties.maxRedirects(); hop++) {
			if (!visited.add(url)) {
				throw new FeedException(Kind.REDIRECT,
						"Redirect loop: " + url + " was reached twice, starting from " + start);
			}
			try {
				// every hop, the first included: a stored feed URL may come from a
				// redirect
				FetchTargetPolicy.check(url, this.properties.url());
			}
			catch (FetchTargetPolicy.RefusedTargetException ex) {
				throw new FeedException(ex.unknownHost() ? Kind.UNKNOWN_HOST : Kind.INVALID_URL, ex.getMessage());
			}
			var response = this.exchange.send(url, etag, lastModified, deadline);
			int status = response.statusCode();
			if (isRedirect(status)) {
				var location = response.headers().firstValue("Location").orElse(null);
				if (location == null) {
					throw new FeedException(Kind.REDIRECT,
							"HTTP " + status + " redirect without a Location header from " + url, status, null, null);
				}
				permanent &= (status == 301 || status == 308);
				url = resolve(url, location, status);
				continue;
			}
			boolean moved = permanent && !url.equals(start);
			if (status == 304) {
				return new FetchResult(304, null, null, etag, lastModified, url, moved);
			}
			if (status < 200 || status > 299) {
				throw new FeedException(Kind.HTTP_STATUS, describeError(status, url), status, retryAfter(response),
						null);
			}
			var headers = response.headers();
			return new FetchResult(status, decode(response), headers.firstValue("Content-Type").orElse(null),
					headers.firstValue("ETag").orElse(null), headers.firstValue("Last-Modified").orElse(null), url,
					moved);
		}
		throw new FeedException(Kind.REDIRECT,
				"Too many redirects (more than " + this.properties.maxRedirects() + ") starting from " + start);
	}

	/** Undoes gzip, keeping the size limit on the decoded bytes too (a gzip bomb). */
	private byte[] decode(HttpResponse<byte[]> response) throws FeedException {
		var encoding = response.headers().firstValue("Content-Encoding").orElse("").trim().toLowerCase(Locale.ROOT);
		if (!(encoding.equals("gzip") || encoding.equals("x-gzip"))) {
			return response.body();
		}
		try (var in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
			return readLimited(in);
		}
		catch (IOException ex) {
			throw new FeedException(Kind.NOT_A_FEED,
					"The gzip-encoded feed from " + response.uri() + " could not be decoded: " + ex.getMessage(), ex);
		}
	}

	private byte[] readLimited(InputStream in) throws IOException {
		long limit = this.properties.maxBodySize().toBytes();
		var out = new ByteArrayOutputStream();
		var buffer = new byte[16 * 1024];
		long total = 0;
		int n;
		while ((n = in.read(buffer)) != -1) {
			total += n;
			if (total > limit) {
				throw new IOException(
						"larger than the limit of " + this.properties.maxBodySize() + " (archive.feed.max-body-size)");
			}
			out.write(buffer, 0, n);
		}
		return out.toByteArray();
	}

	private static boolean isRedirect(int status) {
		return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
	}

	private static URI resolve(URI base, String location, int status) throws FeedException {
		try {
			var target = base.resolve(location.trim());
			var scheme = target.getScheme();
			if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
				throw new FeedException(Kind.INVALID_URL,
						"HTTP " + status + " redirect to an unsupported URL: " + location, status, null, null);
			}
			return target;
		}
		catch (IllegalArgumentException ex) {
			throw new FeedException(Kind.INVALID_URL, "HTTP " + status + " redirect to an invalid URL: " + location,
					status, null, null);
		}
	}

	private static String describeError(int status, URI url) {
		var meaning = switch (status) {
			case 403 -> "forbidden";
			case 404 -> "not found";
			case 410 -> "gone: the feed was removed";
			case 429 -> "too many requests: the server is rate-limiting us";
			case 500 -> "internal server error";
			case 502 -> "bad gateway";
			case 503 -> "service unavailable";
			case 504 -> "gateway timeout";
			default -> (status >= 500) ? "server error" : "client error";
		};
		return "HTTP " + status + " (" + meaning + ") from " + url;
	}

	/**
	 * {@code Retry-After} as seconds or as an HTTP date; {@code null} when absent or
	 * unreadable.
	 */
	static Duration retryAfter(HttpResponse<?> response) {
		var value = response.headers().firstValue("Retry-After").map(String::trim).orElse(null);
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			long seconds = Long.parseLong(value);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			try {
				var at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
				var wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException ignored) {
				return null;
			}
		}
	}

}
