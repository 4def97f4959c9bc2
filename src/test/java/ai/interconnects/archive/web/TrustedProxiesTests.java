package ai.interconnects.archive.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * One trusted-proxy rule: forwarded headers are believed only from the proxies the limits
 * trust too, and a configuration that would believe anyone does not start.
 */
class TrustedProxiesTests {

	@Test
	void nativeForwardedHeadersWithoutATrustedProxyRefuseToStart() {
		var environment = new MockEnvironment().withProperty("server.forward-headers-strategy", "native");
		assertThatIllegalStateException().isThrownBy(() -> TrustedProxies.check(environment, clients(List.of())))
			.withMessageContaining("archive.clients.trusted-proxies");
		assertThatNoException().isThrownBy(() -> TrustedProxies.check(environment, clients(List.of("127.0.0.1"))));
	}

	@Test
	void theFrameworkStrategyAndTomcatsOwnProxyListsRefuseToStart() {
		assertThatIllegalStateException().isThrownBy(() -> TrustedProxies.check(
				new MockEnvironment().withProperty("server.forward-headers-strategy", "framework"),
				clients(List.of("127.0.0.1"))));
		assertThatIllegalStateException().isThrownBy(() -> TrustedProxies.check(
				new MockEnvironment().withProperty("server.tomcat.remoteip.internal-proxies", ".*"),
				clients(List.of())));
		assertThatIllegalStateException().isThrownBy(() -> TrustedProxies
			.check(new MockEnvironment().withProperty("archive.admin.trusted-proxies", "10.0.0.1"), clients(List.of())))
			.withMessageContaining("archive.clients.trusted-proxies");
	}

	private static ClientAddresses clients(List<String> trusted) {
		return new ClientAddresses(new ClientProperties(trusted, 20, DataSize.ofKilobytes(16), Duration.ofSeconds(10),
				DataSize.ofMegabytes(32), Duration.ofMinutes(2)));
	}

}
