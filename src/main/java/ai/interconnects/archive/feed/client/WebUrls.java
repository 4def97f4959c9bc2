package ai.interconnects.archive.feed.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Feed URLs as publishers write them: with spaces, brackets, non-ASCII letters or a stray
 * {@code %}. Such characters are percent-encoded instead of the URL being thrown away; an
 * item whose enclosure had a space in its file name still gets its audio. The brackets of
 * an IPv6 host ({@code http://[2001:db8::1]/}) are the URL's own and stay: encoded, the
 * host would be lost and the URL dropped without a word, where the fetch-target policy
 * should judge it and say why.
 */
final class WebUrls {

	private static final String ALLOWED = "-._~:/?#@!$&'()*+,;=";

	private WebUrls() {
	}

	/** The URL with illegal characters encoded; {@code null} for blank input. */
	static String clean(String value) {
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

	/** Only http(s) URLs, cleaned, that Java can then parse; {@code null} otherwise. */
	static String web(String value) {
		var url = clean(value);
		if (url == null) {
			return null;
		}
		try {
			var uri = URI.create(url);
			var scheme = uri.getScheme();
			boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
			return web ? url : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
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
