package ai.interconnects.archive.api;

import java.io.IOException;

import ai.interconnects.archive.web.ClientAddresses;
import ai.interconnects.archive.web.RequestPaths;
import ai.interconnects.archive.web.TokenBuckets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limit for the JSON API and the export, per client ({@link ClientAddresses}: the
 * trusted-proxy rule, an IPv6 client by its /64), with the archive's one
 * {@link TokenBuckets}: over the limit, a 429 problem detail with {@code Retry-After}.
 * The path is matched as the dispatcher sees it ({@link RequestPaths}), so no spelling of
 * {@code /api/} escapes it. CORS preflights are not counted.
 */
@Component
class ApiRateLimitFilter extends OncePerRequestFilter {

	private final TokenBuckets buckets;

	private final ClientAddresses clients;

	ApiRateLimitFilter(ApiProperties properties, ClientAddresses clients) {
		this.buckets = new TokenBuckets(TokenBuckets.Rule.perMinute(properties.burst(), properties.requestsPerMinute()),
				properties.maxClients(), System::nanoTime);
		this.clients = clients;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return HttpMethod.OPTIONS.matches(request.getMethod()) || !limited(RequestPaths.of(request));
	}

	static boolean limited(String path) {
		return path.startsWith("/api/") || path.equals(ArchiveExportController.PATH);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var wait = this.buckets.take(ClientAddresses.key(this.clients.of(request)));
		if (wait.isZero()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		response.setStatus(429);
		response.setHeader("Retry-After", String.valueOf(seconds));
		response.setHeader("Access-Control-Allow-Origin", "*");
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
					+ "\"detail\":\"Too many requests from this address; retry after " + seconds + " s.\"}");
	}

}
