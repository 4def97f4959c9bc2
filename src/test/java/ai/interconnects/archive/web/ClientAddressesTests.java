package ai.interconnects.archive.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Whose address the limits count: X-Forwarded-For only from trusted proxies. */
class ClientAddressesTests {

	@Test
	void withoutTrustedProxiesTheHeaderIsIgnored() {
		var clients = clients(List.of());
		assertThat(clients.of(request("203.0.113.5", "198.51.100.1"))).isEqualTo("203.0.113.5");
	}

	@Test
	void fromATrustedProxyTheRightmostUntrustedEntryIsTheClient() {
		var clients = clients(List.of("127.0.0.1", "10.0.0.0/8"));
		// the client wrote "1.2.3.4" itself; the proxies appended what they saw
		assertThat(clients.of(request("127.0.0.1", "1.2.3.4, 198.51.100.7, 10.1.2.3"))).isEqualTo("198.51.100.7");
		assertThat(clients.of(request("127.0.0.1", "198.51.100.8"))).isEqualTo("198.51.100.8");
		// no header: the proxy itself
		assertThat(clients.of(request("127.0.0.1", null))).isEqualTo("127.0.0.1");
		// garbage in the chain is not trusted
		assertThat(clients.of(request("127.0.0.1", "evil.example, not-an-ip"))).isEqualTo("127.0.0.1");
	}

	@Test
	void fromAnyoneElseTheHeaderIsIgnoredEvenWithTrustedProxiesConfigured() {
		var clients = clients(List.of("127.0.0.1"));
		assertThat(clients.of(request("203.0.113.5", "127.0.0.1"))).isEqualTo("203.0.113.5");
	}

	@Test
	void ipv6ProxiesAndRangesWork() {
		var clients = clients(List.of("::1", "fd00::/8"));
		assertThat(clients.of(request("0:0:0:0:0:0:0:1", "2001:db8::5, fd12::1"))).isEqualTo("2001:db8::5");
	}

	@Test
	void hostNamesAreNotAcceptedAsTrustedProxies() {
		assertThatIllegalArgumentException().isThrownBy(() -> clients(List.of("proxy.internal")));
	}

	private static ClientAddresses clients(List<String> trusted) {
		return new ClientAddresses(new ClientProperties(trusted, 20, DataSize.ofKilobytes(16), Duration.ofSeconds(10),
				DataSize.ofMegabytes(32), Duration.ofMinutes(2)));
	}

	private static MockHttpServletRequest request(String peer, String forwardedFor) {
		var request = new MockHttpServletRequest("POST", "/admin/login");
		request.setRemoteAddr(peer);
		if (forwardedFor != null) {
			request.addHeader("X-Forwarded-For", forwardedFor);
		}
		return request;
	}

}
