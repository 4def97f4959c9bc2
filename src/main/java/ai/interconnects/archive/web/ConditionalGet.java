package ai.interconnects.archive.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;

/**
 * Strong validators for generated files (transcripts, chapters, feeds, sitemaps, API
 * answers). The ETag is a hash of the exact bytes sent, so it changes whenever anything
 * in the representation changes (an episode's update, a re-parse that left
 * {@code updated_at} alone, a new app version that writes the format differently) and
 * never otherwise. Last-Modified is the newest update time of what the file is made of,
 * for clients that only send If-Modified-Since.
 */
public final class ConditionalGet {

	private ConditionalGet() {
	}

	/** The quoted strong ETag of {@code body}. */
	public static String etag(byte[] body) {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(body);
			return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * {@code body} with its validators, or an empty 304 when the request's If-None-Match
	 * (or, without it, If-Modified-Since) still matches.
	 */
	public static ResponseEntity<byte[]> respond(WebRequest request, MediaType type, byte[] body,
			Instant lastModified) {
		var etag = etag(body);
		long modified = (lastModified != null) ? lastModified.toEpochMilli() : -1;
		var cache = CacheControl.noCache().cachePublic();
		if (request.checkNotModified(etag, modified)) {
			return ResponseEntity.status(304).eTag(etag).cacheControl(cache).build();
		}
		var response = ResponseEntity.ok().contentType(type).eTag(etag).cacheControl(cache);
		if (lastModified != null) {
			response.lastModified(lastModified);
		}
		return response.body(body);
	}

	public static ResponseEntity<byte[]> respond(WebRequest request, MediaType type, String body,
			Instant lastModified) {
		return respond(request, type, body.getBytes(StandardCharsets.UTF_8), lastModified);
	}

}
