package ai.interconnects.archive.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limit for the JSON API and the export, per client address ({@link TokenBuckets}):
 * over the limit, a 429 problem detail with {@code Retry-After}. The address is the
 * connection's (behind a proxy, set {@code server.forward-headers-strategy=native} so
 * that it is the client's). CORS preflights are not counted.
 */
@Component
class ApiRateLimitFilter extends OncePerRequestFilter {

	private final TokenBuckets buckets;

	ApiRateLimitFilter(ApiProperties properties) {
		this.buckets = new TokenBuckets(properties.burst(), properties.requestsPerMinute(), properties.maxClients(),
				System::nanoTime);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		var path = request.getRequestURI().substring(request.getContextPath().length());
		return HttpMethod.OPTIONS.matches(request.getMethod())
				|| !(path.startsWith("/api/") || path.equals(ArchiveExportController.PATH));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long wait = this.buckets.take(request.getRemoteAddr());
		if (wait == 0) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(429);
		response.setHeader("Retry-After", String.valueOf(wait));
		response.setHeader("Access-Control-Allow-Origin", "*");
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
					+ "\"detail\":\"Too many requests from this address; retry after " + wait + " s.\"}");
	}

}
