package ai.interconnects.archive.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response, error pages included: public pages, static files
 * and the admin area alike. A servlet filter ordered ahead of Spring Security's chain
 * (see {@code admin/SecurityConfiguration}), whose header writers leave headers already
 * present alone, so the policy is stated once, here. Headers a handler sets itself are
 * left as they are.
 * <p>
 * The policy forbids inline script and inline style: the pages use one script module and
 * one stylesheet served by the app. Audio and images may come from the feed's hosts.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SecurityHeadersFilter extends OncePerRequestFilter {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' https: data:; media-src 'self' https: http:; object-src 'none'; base-uri 'self'; "
			+ "frame-ancestors 'none'; form-action 'self'";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		apply(response);
		chain.doFilter(request, response);
	}

	/**
	 * Also used for the responses Tomcat sends on its own
	 * ({@link FriendlyErrorReportValve}).
	 */
	static void apply(HttpServletResponse response) {
		setIfAbsent(response, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
		setIfAbsent(response, "X-Content-Type-Options", "nosniff");
		setIfAbsent(response, "Referrer-Policy", "strict-origin-when-cross-origin");
		setIfAbsent(response, "X-Frame-Options", "DENY");
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// Error pages are pages too: they get the same headers.
		return false;
	}

	private static void setIfAbsent(HttpServletResponse response, String name, String value) {
		if (!response.containsHeader(name)) {
			response.setHeader(name, value);
		}
	}

}
