package ai.interconnects.archive.admin;

import java.io.IOException;

import ai.interconnects.archive.LogText;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops a sign-in attempt before the password is even checked while its client address or
 * username must still wait (see {@link LoginAttemptLimiter}); the login page then says
 * how long.
 */
class LoginRateLimitFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(LoginRateLimitFilter.class);

	static final String LOGIN_PATH = "/admin/login";

	private final LoginAttemptLimiter limiter;

	private final ClientAddresses clients;

	LoginRateLimitFilter(LoginAttemptLimiter limiter, ClientAddresses clients) {
		this.limiter = limiter;
		this.clients = clients;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod())
				&& (request.getContextPath() + LOGIN_PATH).equals(request.getRequestURI()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var username = request.getParameter("username");
		var client = this.clients.of(request);
		var wait = this.limiter.waitBefore(client, username);
		if (!wait.isZero() && !wait.isNegative()) {
			long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
			log.warn("Refused an admin sign-in attempt for '{}' from {}: too many recent failures, {} s to wait",
					LogText.of(username), LogText.of(client), seconds);
			response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?blocked=" + seconds);
			return;
		}
		chain.doFilter(request, response);
	}

}
