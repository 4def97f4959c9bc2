package ai.interconnects.archive.web;

import java.net.URI;

import jakarta.validation.constraints.AssertTrue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The archive's public address, {@code archive.public-url} (e.g.
 * {@code https://archive.example.org}), the base of every absolute URL it writes. Unset,
 * {@link PublicUrl} falls back to {@code http://localhost:<server.port>}. The key stays
 * at the top of {@code archive.*} because every area writes absolute URLs; this record
 * binds nothing else there.
 *
 * @param publicUrl an {@code http(s)} address with a host and no query or fragment
 */
@Validated
@ConfigurationProperties("archive")
record PublicUrlProperties(URI publicUrl) {

	@AssertTrue(
			message = "archive.public-url must be an http(s) address without query or fragment, e.g. https://archive.example.org")
	boolean isPublicUrlAbsoluteWebAddress() {
		return this.publicUrl == null || isWebAddress(this.publicUrl);
	}

	static boolean isWebAddress(URI uri) {
		return WebUrl.isWeb(uri) && uri.getRawQuery() == null && uri.getRawFragment() == null;
	}

}
