package ai.interconnects.archive.feed.client;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where the archive may fetch from: the answer to server-side request forgery through the
 * feed. A feed host could otherwise redirect the fetcher (or point a
 * {@code podcast:transcript} / chapters URL) at services only this machine can reach:
 * loopback, the private network, link-local addresses and the cloud metadata endpoint.
 * <p>
 * Use: call {@link #check(URI, URI)} with the URL about to be fetched and the configured
 * feed URL <em>right before each request</em>, every redirect hop included. It resolves
 * the host, refuses the URL when <em>any</em> of its addresses is not public (so a name
 * that resolves to a public and a private address is refused), and returns the checked
 * addresses.
 * <p>
 * The one exception: when the configured feed URL itself is on such an address (a local
 * test server, a feed on the intranet), the operator has chosen it, and non-public
 * targets are allowed.
 * <p>
 * What is guaranteed against DNS rebinding: the JDK HTTP client resolves the host again
 * when it connects, through the same JVM-wide cache that this check filled a moment
 * before (successful lookups are kept {@code networkaddress.cache.ttl}, 30 seconds by
 * default), so it connects to the addresses checked here. A DNS answer that changes
 * within that moment is only possible when that cache is turned off; the check then still
 * holds for every address the name had when checked, but cannot pin the connection (the
 * JDK client has no hook to connect to a given address while keeping the host name for
 * TLS).
 */
public final class FetchTargetPolicy {

	private static final FetchTargetPolicy SYSTEM_DNS = new FetchTargetPolicy(InetAddress::getAllByName);

	private final Resolver resolver;

	FetchTargetPolicy(Resolver resolver) {
		this.resolver = resolver;
	}

	/**
	 * Checks that {@code target} may be fetched.
	 * @param target the URL about to be requested ({@code http} or {@code https})
	 * @param configuredFeedUrl the feed URL from the configuration
	 * @return the addresses {@code target}'s host resolved to, all of them allowed
	 * @throws RefusedTargetException when the target is not allowed or cannot be resolved
	 */
	public static List<InetAddress> check(URI target, URI configuredFeedUrl) throws RefusedTargetException {
		return SYSTEM_DNS.verify(target, configuredFeedUrl);
	}

	List<InetAddress> verify(URI target, URI configuredFeedUrl) throws RefusedTargetException {
		var host = target.getHost();
		if (host == null || host.isEmpty()) {
			throw new RefusedTargetException("The URL " + target + " has no host");
		}
		var addresses = resolve(host);
		if (addresses.stream().allMatch(FetchTargetPolicy::isPublic) || configuredIsInternal(configuredFeedUrl)) {
			return addresses;
		}
		var internal = addresses.stream().filter((a) -> !isPublic(a)).findFirst().orElseThrow();
		throw new RefusedTargetException("Refused to fetch " + target + ": its host resolves to "
				+ internal.getHostAddress() + ", a loopback, private, link-local or otherwise internal address"
				+ " (only allowed when the configured feed URL is on one)");
	}

	/**
	 * Whether an address is on the public internet: not loopback, unspecified, private
	 * (RFC 1918, carrier-grade NAT, unique local IPv6), link-local (the cloud metadata
	 * service 169.254.169.254 included), multicast, or reserved; IPv6 forms that embed an
	 * IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that address.
	 */
	public static boolean isPublic(InetAddress address) {
		if (address instanceof Inet4Address) {
			return isPublicV4(address.getAddress());
		}
		if (address instanceof Inet6Address) {
			return isPublicV6(address.getAddress());
		}
		return false;
	}

	private boolean configuredIsInternal(URI configured) {
		if (configured == null || configured.getHost() == null) {
			return false;
		}
		try {
			return resolve(configured.getHost()).stream().anyMatch((a) -> !isPublic(a));
		}
		catch (RefusedTargetException ex) {
			return false;
		}
	}

	private List<InetAddress> resolve(String host) throws RefusedTargetException {
		var name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		try {
			return Arrays.asList(this.resolver.resolve(name.toLowerCase(Locale.ROOT)));
		}
		catch (UnknownHostException ex) {
			throw new RefusedTargetException(unknownHost(host), true);
		}
	}

	private static boolean isPublicV4(byte[] b) {
		int a0 = b[0] & 0xff;
		int a1 = b[1] & 0xff;
		int a2 = b[2] & 0xff;
		if (a0 == 0 || a0 == 10 || a0 == 127 || a0 >= 224) {
			// "this network", private, loopback, multicast, reserved and broadcast
			return false;
		}
		if (a0 == 100 && (a1 & 0xc0) == 64) {
			return false; // 100.64.0.0/10 carrier-grade NAT
		}
		if (a0 == 169 && a1 == 254) {
			return false; // link-local, the metadata service
		}
		if (a0 == 172 && (a1 & 0xf0) == 16) {
			return false; // 172.16.0.0/12
		}
		if (a0 == 192 && a1 == 168) {
			return false;
		}
		if (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) {
			return false; // IETF protocol assignments, TEST-NET-1
		}
		if (a0 == 198 && (a1 == 18 || a1 == 19)) {
			return false; // benchmarking
		}
		if ((a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113)) {
			return false; // TEST-NET-2 and -3
		}
		return true;
	}

	private static boolean isPublicV6(byte[] b) {
		boolean firstTenZero = true;
		for (int i = 0; i < 10; i++) {
			firstTenZero &= b[i] == 0;
		}
		if (firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
			return isPublicV4(Arrays.copyOfRange(b, 12, 16)); // ::ffff:a.b.c.d, mapped
		}
		if (firstTenZero && b[10] == 0 && b[11] == 0) {
			// ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
			return !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1))
					&& isPublicV4(Arrays.copyOfRange(b, 12, 16));
		}
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		if (first == 0x00 && second == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
			return isPublicV4(Arrays.copyOfRange(b, 12, 16)); // 64:ff9b::/96 NAT64
		}
		if (first == 0x20 && second == 0x02) {
			return isPublicV4(Arrays.copyOfRange(b, 2, 6)); // 2002::/16 6to4
		}
		if ((first & 0xfe) == 0xfc) {
			return false; // fc00::/7 unique local (fd00:ec2::254 metadata included)
		}
		if (first == 0xfe && (second & 0xc0) == 0x80) {
			return false; // fe80::/10 link-local
		}
		if (first == 0xfe && (second & 0xc0) == 0xc0) {
			return false; // fec0::/10 old site-local
		}
		if (first == 0xff) {
			return false; // multicast
		}
		if (first == 0x20 && second == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) {
			return false; // 2001:db8::/32 documentation
		}
		return true;
	}

	/** Host name to addresses: the system's DNS, or a fixed table in tests. */
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	/** What the operator is told when {@code host} cannot be found. */
	static String unknownHost(String host) {
		return "Unknown host " + host + ": the name could not be found (is this machine offline, or the address "
				+ "mistyped?)";
	}

	/** A URL the archive will not fetch; the message says why, for the operator. */
	public static final class RefusedTargetException extends Exception {

		private final boolean unknownHost;

		RefusedTargetException(String message) {
			this(message, false);
		}

		RefusedTargetException(String message, boolean unknownHost) {
			super(message);
			this.unknownHost = unknownHost;
		}

		/** Whether the target was refused only because its host could not be found. */
		public boolean unknownHost() {
			return this.unknownHost;
		}

	}

}
