package ai.interconnects.archive.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;

/**
 * Strong validators for generated files (transcripts, chapters, feeds, sitemaps). The
 * ETag is a hash of the exact bytes sent, so it changes whenever anything in the
 * representation changes (an episode's update, a re-parse that left {@code updated_at}
 * alone, a new app version that writes the format differently) and never otherwise.
 * Last-Modified is the newest update time of what the file is made of, for clients that
 * only send If-Modified-Since.
 * <p>
 * Tomcat does not compress a response that has a strong ETag (the compressed bytes would
 * carry the validator of the uncompressed ones), so bodies worth it are gzipped here for
 * clients that accept gzip, as a representation of their own with its own ETag
 * ({@code "…-gzip"}; Java's gzip output is the same for the same input).
 */
public final class ConditionalGet {

	private static final int MIN_GZIP_BYTES = 2048;

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
		boolean gzip = body.length >= MIN_GZIP_BYTES && acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
		var hash = etag(body);
		var etag = gzip ? hash.substring(0, hash.length() - 1) + "-gzip\"" : hash;
		long modified = (lastModified != null) ? lastModified.toEpochMilli() : -1;
		var cache = CacheControl.noCache().cachePublic();
		if (request.checkNotModified(etag, modified)) {
			return ResponseEntity.status(304)
				.eTag(etag)
				.cacheControl(cache)
				.varyBy(HttpHeaders.ACCEPT_ENCODING)
				.build();
		}
		var response = ResponseEntity.ok()
			.contentType(type)
			.eTag(etag)
			.cacheControl(cache)
			.varyBy(HttpHeaders.ACCEPT_ENCODING);
		if (lastModified != null) {
			response.lastModified(lastModified);
		}
		if (gzip) {
			return response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(gzip(body));
		}
		return response.body(body);
	}

	public static ResponseEntity<byte[]> respond(WebRequest request, MediaType type, String body,
			Instant lastModified) {
		return respond(request, type, body.getBytes(StandardCharsets.UTF_8), lastModified);
	}

	/**
	 * Whether an {@code Accept-Encoding} header allows gzip: {@code gzip}, {@code x-gzip}
	 * or {@code *} listed without {@code q=0}. The one rule for generated files and for
	 * the rendered-page cache.
	 */
	static boolean acceptsGzip(String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		for (var part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
			var fields = part.split(";");
			var coding = fields[0].strip();
			if (coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*")) {
				boolean refused = false;
				for (int i = 1; i < fields.length; i++) {
					refused |= fields[i].replace(" ", "").matches("q=0(\\.0{0,3})?");
				}
				return !refused;
			}
		}
		return false;
	}

	private static byte[] gzip(byte[] body) {
		var bytes = new ByteArrayOutputStream(body.length / 4 + 64);
		try (var gzip = new GZIPOutputStream(bytes)) {
			gzip.write(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
