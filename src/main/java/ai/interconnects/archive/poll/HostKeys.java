package ai.interconnects.archive.poll;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Which host a request goes to, for the per-host limit: the registrable domain, because
 * one hosting company serves its shows from many names ({@code show.libsyn.com} and
 * {@code feeds.libsyn.com}, {@code a.substack.com} and {@code api.substack.com}) and
 * should count once. Without the public-suffix list, a two-letter country domain whose
 * second label is a generic one ({@code co.uk}, {@code com.au}, {@code ne.jp}) keeps a
 * third label. An IP address is its own key, and a port other than the scheme's default
 * is part of the key (another port is another server).
 */
final class HostKeys {

	private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "net", "org", "ac", "gov", "edu", "ne", "or",
			"go", "gob", "nic");

	private HostKeys() {
	}

	/** The key of {@code url}'s host; {@code "local"} for an address without a host. */
	static String of(URI url) {
		var host = (url.getHost() != null) ? url.getHost().toLowerCase(Locale.ROOT) : null;
		if (host == null || host.isEmpty()) {
			return "local";
		}
		var domain = isAddress(host) ? host : registrable(host);
		int port = url.getPort();
		boolean defaultPort = port == -1 || (port == 80 && "http".equalsIgnoreCase(url.getScheme()))
				|| (port == 443 && "https".equalsIgnoreCase(url.getScheme()));
		return defaultPort ? domain : domain + ":" + port;
	}

	private static boolean isAddress(String host) {
		return host.startsWith("[") || host.indexOf(':') >= 0
				|| host.chars().allMatch((c) -> c == '.' || Character.isDigit(c));
	}

	private static String registrable(String host) {
		var labels = (host.endsWith(".") ? host.substring(0, host.length() - 1) : host).split("\\.");
		int n = labels.length;
		if (n <= 2) {
			return String.join(".", labels);
		}
		boolean countrySecondLevel = labels[n - 1].length() == 2 && SECOND_LEVEL.contains(labels[n - 2]);
		int keep = countrySecondLevel ? 3 : 2;
		return String.join(".", java.util.Arrays.copyOfRange(labels, n - keep, n));
	}

}
