package ai.interconnects.archive.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Absolute URLs (canonical links, Open Graph) from the configured public address of the
 * archive, {@code archive.public-url} (e.g. {@code https://archive.example.org}), never
 * from the request: the {@code Host} header is whatever the client sent. Without it,
 * {@code http://localhost:<server.port>} (no port for 80 or a random port), right for a
 * local run and harmless behind a proxy until configured.
 */
@Component
public class PublicUrl {

	private final String base;

	PublicUrl(PublicUrlProperties properties, @Value("${server.port:8080}") int port) {
		var base = (properties.publicUrl() != null) ? properties.publicUrl().toString()
				: "http://localhost" + ((port > 0 && port != 80) ? ":" + port : "");
		this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	/** The absolute URL of {@code path} (which starts with a slash). */
	public String of(String path) {
		return this.base + path;
	}

	/** A builder for an absolute URL with query parameters. */
	public UriComponentsBuilder builder(String path) {
		return UriComponentsBuilder.fromUriString(of(path));
	}

}
