package ai.interconnects.archive.feed.client;

import java.net.URI;

/**
 * What a fetch returned.
 *
 * @param status HTTP status of the final response (200 for a file)
 * @param body the body, or {@code null} for 304 Not Modified
 * @param contentType the declared content type, may be {@code null}
 * @param etag validator to send next time, may be {@code null}
 * @param lastModified validator to send next time, may be {@code null}
 * @param finalUrl where the body came from after redirects
 * @param permanentlyRedirected every hop was a 301 or 308 (a move worth remembering)
 */
public record FetchResult(int status, byte[] body, String contentType, String etag, String lastModified, URI finalUrl,
		boolean permanentlyRedirected) {

	public boolean notModified() {
		return this.status == 304;
	}

}
