package ai.interconnects.archive.library;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rule for a show's feed address, the same for an OPML outline, the "Add a show" form
 * and {@code archive.library.opml}: an absolute http(s) URL with a host, at most 2,048
 * characters, without a user name or password (the archive publishes each show's feed
 * address in {@code /opml.xml} and the API, so a private feed's credentials would leak).
 * <p>
 * The podcast-app schemes {@code feed:}, {@code itpc:}, {@code pcast:} and
 * {@code podcast:} name the same http feed ({@code feed://host/rss} is
 * {@code http://host/rss}, {@code feed:https://host/rss} is {@code https://host/rss}) and
 * are read as such; every other scheme ({@code file:}, {@code javascript:}, {@code ftp:},
 * a relative path) is refused with its reason. Whether the host may be fetched (public
 * address, see the feed client's fetch-target policy) is decided when it is fetched, not
 * here.
 */
public final class FeedAddresses {

	static final int MAX_LENGTH = 2048;

	private static final Pattern ALIAS = Pattern.compile("(?i)^(feed|itpc|pcast|podcast):(//)?");

	// wider than RFC 3986 allows, so that "antennapod_local:" is named as a scheme too
	private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-_]*):");

	private static final Pattern WHITESPACE_OR_CONTROL = Pattern.compile("[\\s\\p{Cc}]");

	private FeedAddresses() {
	}

	/**
	 * An address as checked: {@code url} set when it may be archived, else
	 * {@code refusal} says why.
	 */
	public record Checked(String url, String refusal) {

		public boolean ok() {
			return this.url != null;
		}

	}

	/** Checks and cleans {@code raw}, as written in a file or typed in a form. */
	public static Checked check(String raw) {
		var value = (raw != null) ? raw.strip() : "";
		if (value.isEmpty()) {
			return refuse("no feed address (xmlUrl)");
		}
		if (value.length() > MAX_LENGTH) {
			return refuse("the feed address is " + value.length() + " characters long; at most " + MAX_LENGTH
					+ " are accepted");
		}
		value = unalias(value);
		if (WHITESPACE_OR_CONTROL.matcher(value).find()) {
			return refuse("the feed address contains spaces or control characters");
		}
		var named = SCHEME.matcher(value);
		if (named.find() && !named.group(1).equalsIgnoreCase("http") && !named.group(1).equalsIgnoreCase("https")) {
			return refuse("its scheme is " + named.group(1).toLowerCase(Locale.ROOT)
					+ ":; only http and https feeds are archived");
		}
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			return refuse("not a valid web address (" + ex.getReason() + ")");
		}
		var scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (scheme == null) {
			return refuse("not an absolute address; a feed address starts with https:// or http://");
		}
		if (uri.getRawUserInfo() != null) {
			return refuse("the address carries a user name or password; a private feed is not archived, "
					+ "because the archive publishes every show's feed address");
		}
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			return refuse("the address has no valid host name");
		}
		try {
			var clean = new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort(), null, null, null);
			var path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
			var query = (uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "";
			return new Checked(URI.create(clean.toASCIIString() + path + query).toASCIIString(), null);
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return refuse("not a valid web address");
		}
	}

	/**
	 * The key two addresses of one feed share: the host in lower case, the port unless it
	 * is the scheme's default, the path without a trailing slash and the query. The
	 * scheme is left out: {@code http://host/rss} and {@code https://host/rss} are one
	 * feed.
	 * @param url an address {@link #check} accepted
	 */
	public static String sameFeedKey(String url) {
		var uri = URI.create(url);
		int port = uri.getPort();
		boolean defaultPort = port == -1 || (port == 80 && "http".equals(uri.getScheme()))
				|| (port == 443 && "https".equals(uri.getScheme()));
		var path = (uri.getRawPath() == null) ? "" : uri.getRawPath();
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		return uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path
				+ ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

	private static String unalias(String value) {
		var alias = ALIAS.matcher(value);
		if (!alias.find()) {
			return value;
		}
		var rest = value.substring(alias.end());
		if (alias.group(2) == null && rest.regionMatches(true, 0, "http", 0, 4)) {
			// feed:https://host/rss
			return rest;
		}
		return "http://" + rest;
	}

	private static Checked refuse(String reason) {
		return new Checked(null, reason);
	}

}
