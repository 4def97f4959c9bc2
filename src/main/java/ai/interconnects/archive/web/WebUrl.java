package ai.interconnects.archive.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * An address a page may link to, play or show: an absolute {@code http(s)} URL with a
 * host, that {@link URI} reads. Feed data decides where the player, images, credits,
 * chapter links and "original post" links point, and which files are fetched, so nothing
 * else gets through: no {@code javascript:}, {@code data:}, {@code file:} or {@code ftp:}
 * URL, no relative path, no {@code http://} without a host.
 * <p>
 * Publishers write URLs with spaces, brackets, non-ASCII letters or a stray {@code %}:
 * {@link #asWritten(String)} percent-encodes such characters instead of throwing the URL
 * away (an item whose enclosure has a space in its file name still gets its audio). The
 * brackets of an IPv6 host ({@code http://[2001:db8::1]/}) are the URL's own and stay:
 * encoded, the host would be lost and the URL dropped without a word, where the
 * fetch-target policy should judge it and say why.
 */
public record WebUrl(URI uri) {

	private static final String ALLOWED = "-._~:/?#@!$&'()*+,;=";

	public WebUrl {
		if (!isWeb(uri)) {
			throw new IllegalArgumentException("Not an http(s) URL with a host: " + uri);
		}
	}

	/** The text as a web URL; empty for anything else, blank or null included. */
	public static Optional<WebUrl> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			var uri = new URI(text.strip());
			return isWeb(uri) ? Optional.of(new WebUrl(uri)) : Optional.empty();
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	/** A URL as a publisher wrote it, illegal characters encoded first. */
	public static Optional<WebUrl> asWritten(String text) {
		return parse(encodeIllegal(text));
	}

	/** {@link #parse(String)} as text, or null: for nullable columns and views. */
	public static String orNull(String text) {
		return parse(text).map(WebUrl::toString).orElse(null);
	}

	/** {@link #asWritten(String)} as text, or null. */
	public static String asWrittenOrNull(String text) {
		return asWritten(text).map(WebUrl::toString).orElse(null);
	}

	public static boolean isWeb(URI uri) {
		var scheme = (uri != null && uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
	}

	/**
	 * Whether a browser fetches it over TLS (the Content-Security-Policy loads no other
	 * remote image).
	 */
	public boolean isHttps() {
		return "https".equalsIgnoreCase(this.uri.getScheme());
	}

	@Override
	public String toString() {
		return this.uri.toString();
	}

	/** The text with illegal characters percent-encoded; {@code null} for blank input. */
	static String encodeIllegal(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		var url = value.strip();
		var out = new StringBuilder(url.length() + 16);
		int hostEnd = hostEnd(url);
		for (int i = 0; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c == '%' && isHex(url, i + 1) && isHex(url, i + 2)) {
				out.append(c);
			}
			else if ((c == '[' || c == ']') && i < hostEnd) {
				out.append(c);
			}
			else if (c < 128 && (Character.isLetterOrDigit(c) || ALLOWED.indexOf(c) >= 0)) {
				out.append(c);
			}
			else {
				int codePoint = url.codePointAt(i);
				if (Character.isSupplementaryCodePoint(codePoint)) {
					i++;
				}
				for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
					out.append('%').append(String.format("%02X", b & 0xff));
				}
			}
		}
		return out.toString();
	}

	/** Where the authority ({@code user@host:port}) ends; 0 when there is none. */
	private static int hostEnd(String url) {
		int scheme = url.indexOf("://");
		if (scheme < 0) {
			return 0;
		}
		int end = scheme + 3;
		while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
			end++;
		}
		return end;
	}

	private static boolean isHex(String text, int at) {
		return at < text.length() && Character.digit(text.charAt(at), 16) >= 0;
	}

}
