package ai.interconnects.archive.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Validators for anything derived from the archive: a strong {@code ETag} built from what
 * a response shows (plus the application's build, so a deploy that changes a template or
 * an asset changes every tag), {@code Last-Modified}, and the conditional-request check.
 * The reading pages use it through {@link PageCacheFilter}; another endpoint (a
 * transcript file, a feed) can use it directly:
 *
 * <pre>
 * var etag = caching.etag("vtt", episode.getContentHash(), episode.getUpdatedAt());
 * if (caching.checkNotModified(request, response, etag, episode.getUpdatedAt())) {
 *     return null; // 304 sent, nothing else to do
 * }
 * </pre>
 */
@Component
public class HttpCaching {

	/**
	 * Public pages: a browser, shared cache or CDN may keep them a minute and serve the
	 * old copy for ten more while it revalidates (a 304 is cheap).
	 */
	public static final CacheControl PUBLIC_PAGE = CacheControl.maxAge(Duration.ofSeconds(60))
		.cachePublic()
		.staleWhileRevalidate(Duration.ofSeconds(600));

	static final String GZIP_SUFFIX = "-gzip";

	private final String build;

	HttpCaching(ObjectProvider<BuildProperties> buildProperties, Assets assets, PublicUrl publicUrl) {
		var properties = buildProperties.getIfAvailable();
		// Without build-info (an IDE run) every start is a new build.
		var version = (properties != null) ? properties.getVersion() + "@" + properties.getTime()
				: "dev@" + Instant.now();
		// Pages carry absolute URLs: a new archive.public-url is a new representation.
		this.build = version + "|" + assets.fingerprint() + "|" + publicUrl.of("/");
	}

	/**
	 * A strong entity tag (quoted) for a representation made of {@code parts} by this
	 * build of the application. Parts are compared by their {@code toString()}; null
	 * parts are allowed.
	 */
	public String etag(Object... parts) {
		var digest = sha256();
		digest.update(this.build.getBytes(StandardCharsets.UTF_8));
		for (var part : parts) {
			digest.update((byte) 0);
			digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
		}
		var hash = Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest());
		return "\"" + hash.substring(0, 27) + "\"";
	}

	/**
	 * Whether the client's copy is current: {@code If-None-Match} names {@code etag}
	 * (weak comparison, as RFC 9110 asks for GET; a tag for the gzip variant counts), or,
	 * only when there is no {@code If-None-Match}, {@code If-Modified-Since} is not
	 * before {@code lastModified}.
	 */
	public boolean isNotModified(HttpServletRequest request, String etag, Instant lastModified) {
		var ifNoneMatch = request.getHeaders(HttpHeaders.IF_NONE_MATCH);
		if (ifNoneMatch != null && ifNoneMatch.hasMoreElements()) {
			var opaque = opaque(etag);
			while (ifNoneMatch.hasMoreElements()) {
				for (var candidate : ifNoneMatch.nextElement().split(",")) {
					var tag = candidate.strip();
					if (tag.equals("*") || opaque(tag).equals(opaque)) {
						return true;
					}
				}
			}
			return false;
		}
		if (lastModified == null) {
			return false;
		}
		long since;
		try {
			since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return since >= 0 && lastModified.getEpochSecond() <= since / 1000;
	}

	/**
	 * Sets {@code ETag}, {@code Last-Modified} and the {@link #PUBLIC_PAGE} cache policy,
	 * and answers {@code 304 Not Modified} (returning true) when the client's copy is
	 * current; the caller then writes nothing more.
	 */
	public boolean checkNotModified(HttpServletRequest request, HttpServletResponse response, String etag,
			Instant lastModified) {
		writeValidators(response, etag, lastModified);
		if (isNotModified(request, etag, lastModified)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return true;
		}
		return false;
	}

	void writeValidators(HttpServletResponse response, String etag, Instant lastModified) {
		response.setHeader(HttpHeaders.ETAG, etag);
		if (lastModified != null) {
			response.setDateHeader(HttpHeaders.LAST_MODIFIED, lastModified.toEpochMilli());
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, PUBLIC_PAGE.getHeaderValue());
	}

	/**
	 * The tag without {@code W/}, quotes or the {@code -gzip} of the compressed variant.
	 */
	private static String opaque(String tag) {
		var value = tag.startsWith("W/") ? tag.substring(2) : tag;
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			value = value.substring(1, value.length() - 1);
		}
		return value.endsWith(GZIP_SUFFIX) ? value.substring(0, value.length() - GZIP_SUFFIX.length()) : value;
	}

	/**
	 * The tag of the gzip-encoded variant of {@code etag} (a different representation).
	 */
	static String gzipVariant(String etag) {
		return etag.substring(0, etag.length() - 1) + GZIP_SUFFIX + "\"";
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
