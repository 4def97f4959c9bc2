package ai.interconnects.archive.admin;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops a sign-in attempt before the password is even checked when its address or
 * username has failed too often (see {@link LoginAttemptLimiter}).
 */
class LoginRateLimitFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(LoginRateLimitFilter.class);

	static final String LOGIN_PATH = "/admin/login";

	private final LoginAttemptLimiter limiter;

	LoginRateLimitFilter(LoginAttemptLimiter limiter) {
		this.limiter = limiter;
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
		if (this.limiter.isBlocked(request.getRemoteAddr(), username)) {
			log.warn("Refused an admin sign-in attempt for '{}' from {}: too many recent failures", printable(username),
					request.getRemoteAddr());
			response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?blocked");
			return;
		}
		chain.doFilter(request, response);
	}

	/** The username as typed, unable to forge log lines and bounded in length. */
	private static String printable(String username) {
		if (username == null) {
			return "";
		}
		var clean = username.replaceAll("\\p{Cntrl}", "?");
		return (clean.length() > 100) ? clean.substring(0, 100) + "…" : clean;
	}

}
