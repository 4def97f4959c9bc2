package ai.interconnects.archive.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * The address of the client behind a request, as far as it can be trusted: the TCP peer,
 * unless that peer is one of {@code archive.clients.trusted-proxies}; then the rightmost
 * {@code X-Forwarded-For} entry that is not itself a trusted proxy (entries further left
 * were written by the client and prove nothing). Without trusted proxies the header is
 * ignored, so rotating it gains an attacker nothing.
 * <p>
 * The one rule for everything that asks who the client is: the sign-in and API limits,
 * the per-client request cap, and Tomcat's own {@code RemoteIpValve} when
 * {@code server.forward-headers-strategy=native} ({@link TrustedProxies} gives it the
 * same list). Applying the rule again to an address the valve already resolved changes
 * nothing: the valve stopped at the first address that is not a trusted proxy.
 */
@Component
public class ClientAddresses {

	/** An IPv4 or IPv6 literal; never a name, so parsing it never asks DNS. */
	private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private final List<Range> trusted;

	public ClientAddresses(ClientProperties properties) {
		var ranges = new ArrayList<Range>();
		for (var entry : properties.trustedProxies()) {
			ranges.add(Range.parse(entry.strip()));
		}
		this.trusted = Collections.unmodifiableList(ranges);
	}

	public String of(HttpServletRequest request) {
		var peer = request.getRemoteAddr();
		if (this.trusted.isEmpty() || !isTrusted(peer)) {
			return peer;
		}
		var hops = new ArrayList<String>();
		var headers = request.getHeaders("X-Forwarded-For");
		while (headers != null && headers.hasMoreElements()) {
			for (var part : headers.nextElement().split(",")) {
				if (!part.isBlank()) {
					hops.add(part.strip());
				}
			}
		}
		for (int i = hops.size() - 1; i >= 0; i--) {
			var hop = hops.get(i);
			if (parse(hop) == null) {
				// garbage where an address should be: stop trusting the chain here
				return peer;
			}
			if (!isTrusted(hop)) {
				return hop;
			}
		}
		return peer;
	}

	private boolean isTrusted(String address) {
		var parsed = parse(address);
		return parsed != null && this.trusted.stream().anyMatch((range) -> range.contains(parsed));
	}

	/** The trusted proxies as a CIDR list, for Tomcat's {@code RemoteIpValve}. */
	String cidrList() {
		return String.join(",", this.trusted.stream().map(Range::cidr).toList());
	}

	boolean trustsAnyProxy() {
		return !this.trusted.isEmpty();
	}

	/**
	 * What the limits count: the address itself, or for IPv6 its /64 network (one machine
	 * usually has a whole /64 to rotate through).
	 */
	public static String key(String address) {
		var parsed = parse(address);
		if (parsed == null) {
			return String.valueOf(address);
		}
		var bytes = parsed.getAddress();
		if (bytes.length == 16) {
			for (int i = 8; i < 16; i++) {
				bytes[i] = 0;
			}
			try {
				return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
			}
			catch (UnknownHostException ex) {
				return address;
			}
		}
		return parsed.getHostAddress();
	}

	private static InetAddress parse(String address) {
		if (address == null) {
			return null;
		}
		var literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
				: address;
		if (!IP_LITERAL.matcher(literal).matches() || !literal.contains(".") && !literal.contains(":")) {
			return null;
		}
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/** An address or a CIDR range. */
	private record Range(byte[] network, int prefix) {

		static Range parse(String text) {
			var slash = text.indexOf('/');
			var address = ClientAddresses.parse((slash < 0) ? text : text.substring(0, slash));
			if (address == null) {
				throw new IllegalArgumentException("archive.clients.trusted-proxies: '" + text
						+ "' is not an IP address or CIDR range (host names are not accepted)");
			}
			int bits = address.getAddress().length * 8;
			int prefix = (slash < 0) ? bits : Integer.parseInt(text.substring(slash + 1));
			if (prefix < 0 || prefix > bits) {
				throw new IllegalArgumentException(
						"archive.clients.trusted-proxies: bad prefix length in '" + text + "'");
			}
			return new Range(address.getAddress(), prefix);
		}

		String cidr() {
			try {
				return InetAddress.getByAddress(this.network).getHostAddress() + "/" + this.prefix;
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException(ex);
			}
		}

		boolean contains(InetAddress address) {
			var bytes = address.getAddress();
			if (bytes.length != this.network.length) {
				return false;
			}
			for (int bit = 0; bit < this.prefix; bit++) {
				int mask = 0x80 >>> (bit % 8);
				if ((bytes[bit / 8] & mask) != (this.network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
