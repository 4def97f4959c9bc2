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
 * The outermost filter: an exception that nothing else handled becomes the 500 page here
 * and goes to {@link ServerErrors}, instead of reaching Tomcat, which would log a stack
 * trace for every single request. A client that went away is not an error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ServerErrorFilter extends OncePerRequestFilter {

	private final ServerErrors errors;

	ServerErrorFilter(ServerErrors errors) {
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (clientGone(ex)) {
				return;
			}
			this.errors.record(request, ex);
			if (!response.isCommitted()) {
				response.reset();
				response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
			}
		}
	}

	private static boolean clientGone(Throwable ex) {
		for (var cause = ex; cause != null; cause = cause.getCause()) {
			var name = cause.getClass().getSimpleName();
			if (name.equals("ClientAbortException") || name.equals("AsyncRequestNotUsableException")) {
				return true;
			}
		}
		return false;
	}

}
