package ai.interconnects.archive.web;

import java.util.Locale;

import org.apache.catalina.valves.RemoteIpValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One trusted-proxy rule for the whole server. With
 * {@code server.forward-headers-strategy=native} Tomcat's {@code RemoteIpValve} picks the
 * client address and scheme from {@code X-Forwarded-*}; by default it believes them from
 * any private address, so a client on the same network (or a container's bridge) could
 * name itself anyone. Here the valve trusts exactly
 * {@code archive.clients.trusted-proxies}, the list {@link ClientAddresses} uses for the
 * limits.
 * <p>
 * The start is refused where the rule could not hold: forwarded headers turned on without
 * a trusted proxy (nobody's headers would be believed: the operator surely meant
 * otherwise), the {@code framework} strategy (Spring's filter believes every client),
 * Tomcat's own proxy lists (a second rule), and the old key
 * {@code archive.admin.trusted-proxies}.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final ClientAddresses clients;

	TrustedProxies(ClientAddresses clients, Environment environment) {
		this.clients = clients;
		check(environment, clients);
	}

	static void check(Environment environment, ClientAddresses clients) {
		if (environment.containsProperty("archive.admin.trusted-proxies")) {
			throw new IllegalStateException("archive.admin.trusted-proxies is now archive.clients.trusted-proxies: "
					+ "one list of proxies for the sign-in limit, the API limit and Tomcat");
		}
		for (var key : new String[] { "server.tomcat.remoteip.internal-proxies",
				"server.tomcat.remoteip.trusted-proxies" }) {
			if (environment.containsProperty(key)) {
				throw new IllegalStateException(key + " is not used: list your reverse proxies in "
						+ "archive.clients.trusted-proxies, the one rule for Tomcat and the limits");
			}
		}
		var strategy = environment.getProperty("server.forward-headers-strategy", "").strip().toLowerCase(Locale.ROOT);
		if (strategy.equals("framework")) {
			throw new IllegalStateException("server.forward-headers-strategy=framework believes X-Forwarded-* from "
					+ "every client; use native with archive.clients.trusted-proxies");
		}
		if (strategy.equals("native") && !clients.trustsAnyProxy()) {
			throw new IllegalStateException("server.forward-headers-strategy=native needs "
					+ "archive.clients.trusted-proxies: the addresses of the reverse proxies whose X-Forwarded-For "
					+ "and X-Forwarded-Proto are believed (e.g. 127.0.0.1 for a proxy on this machine)");
		}
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		for (var valve : factory.getEngineValves()) {
			if (valve instanceof RemoteIpValve remoteIp) {
				// a list with a slash is read as CIDR ranges; empty trusts nobody
				remoteIp.setInternalProxies(this.clients.trustsAnyProxy() ? this.clients.cidrList() : null);
				remoteIp.setTrustedProxies(null);
			}
		}
	}

	@Override
	public int getOrder() {
		// after Boot's customizer, which adds the valve
		return Ordered.LOWEST_PRECEDENCE;
	}

}
