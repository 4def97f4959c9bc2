package ai.interconnects.archive.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The validators of a reading page, known before it is rendered: a strong {@code ETag}
 * built from what the page shows (the path, the query and the archive stamp, passed as
 * parts) plus the application's build, so a deploy that changes a template or an asset
 * changes every tag. The matching rule is {@link ConditionalGet}'s, the one every
 * conditional response of the archive uses.
 */
@Component
class PageEtags {

	/**
	 * Public pages: a browser, shared cache or CDN may keep them a minute and serve the
	 * old copy for ten more while it revalidates (a 304 is cheap).
	 */
	static final CacheControl PUBLIC_PAGE = CacheControl.maxAge(Duration.ofSeconds(60))
		.cachePublic()
		.staleWhileRevalidate(Duration.ofSeconds(600));

	private final String build;

	PageEtags(ObjectProvider<BuildProperties> buildProperties, Assets assets, PublicUrl publicUrl) {
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
	String etag(Object... parts) {
		var digest = ConditionalGet.sha256();
		digest.update(this.build.getBytes(StandardCharsets.UTF_8));
		for (var part : parts) {
			digest.update((byte) 0);
			digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
		}
		var hash = Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest());
		return "\"" + hash.substring(0, 27) + "\"";
	}

	/** Sets {@code ETag}, {@code Last-Modified} and the {@link #PUBLIC_PAGE} policy. */
	void writeValidators(HttpServletResponse response, String etag, Instant lastModified) {
		response.setHeader(HttpHeaders.ETAG, etag);
		if (lastModified != null) {
			response.setDateHeader(HttpHeaders.LAST_MODIFIED, lastModified.toEpochMilli());
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, PUBLIC_PAGE.getHeaderValue());
	}

}
