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

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * The archive's one conditional-GET rule, for the reading pages (through
 * {@link PageCacheFilter}, with tags from {@link PageEtags}) and for generated files
 * (transcripts, chapters, feeds, sitemaps, through {@link #respond}).
 * <ul>
 * <li>A client's copy is current when {@code If-None-Match} names the tag, compared
 * weakly as RFC 9110 asks for GET; the tag of the gzip variant ({@code "…-gzip"}) names
 * the same content, as Apache's mod_deflate learnt to treat it. Only without
 * {@code If-None-Match} is {@code If-Modified-Since} consulted.</li>
 * <li>Tomcat does not compress a response that has a strong ETag (the compressed bytes
 * would carry the validator of the uncompressed ones), so bodies worth it are gzipped
 * here for clients that accept gzip, as a representation of their own with its own
 * tag.</li>
 * </ul>
 * A generated file's tag is a hash of the exact bytes sent, so it changes whenever
 * anything in the representation changes (an episode's update, a re-parse that left
 * {@code updated_at} alone, a new app version that writes the format differently) and
 * never otherwise; its Last-Modified is the newest update time of what it is made of.
 */
public final class ConditionalGet {

	static final String GZIP_SUFFIX = "-gzip";

	private static final int MIN_GZIP_BYTES = 2048;

	private ConditionalGet() {
	}

	/** The quoted strong ETag of {@code body}. */
	public static String etag(byte[] body) {
		return "\"" + HexFormat.of().formatHex(sha256().digest(body), 0, 16) + "\"";
	}

	/**
	 * {@code body} with its validators, or an empty 304 when the request's If-None-Match
	 * (or, without it, If-Modified-Since) still matches.
	 */
	public static ResponseEntity<byte[]> respond(WebRequest request, MediaType type, byte[] body,
			Instant lastModified) {
		boolean gzip = body.length >= MIN_GZIP_BYTES && acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
		var etag = gzip ? gzipVariant(etag(body)) : etag(body);
		var cache = CacheControl.noCache().cachePublic();
		var servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
		if (isNotModified(servletRequest, etag, lastModified)) {
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
	 * Whether the client's copy is current: {@code If-None-Match} names {@code etag}
	 * (weakly; either gzip variant), or, only when there is no {@code If-None-Match},
	 * {@code If-Modified-Since} is not before {@code lastModified}.
	 */
	static boolean isNotModified(HttpServletRequest request, String etag, Instant lastModified) {
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
	 * The tag of the gzip-encoded variant of {@code etag} (a representation of its own).
	 */
	static String gzipVariant(String etag) {
		return etag.substring(0, etag.length() - 1) + GZIP_SUFFIX + "\"";
	}

	/**
	 * Whether an {@code Accept-Encoding} header allows gzip: {@code gzip}, {@code x-gzip}
	 * or {@code *} listed without {@code q=0}.
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

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
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
