package ai.interconnects.archive.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request Tomcat cannot parse the parameters of (more than
 * {@code server.tomcat.max-parameter-count}, broken encoding) gets a 400 with the
 * friendly page here, before anything else asks for a parameter: otherwise the first
 * filter that does fails with an exception and the log gets a stack trace per request.
 * Such requests are logged in one line at most once a minute, with how many there were.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ParameterLimitFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(ParameterLimitFilter.class);

	private static final long LOG_EVERY_NANOS = 60_000_000_000L;

	private final AtomicInteger refused = new AtomicInteger();

	private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

	private final CurrentSite site;

	ParameterLimitFilter(CurrentSite site) {
		this.site = site;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParameterMap();
		}
		catch (IllegalStateException ex) {
			refuse(request, response, ex);
			return;
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, IllegalStateException ex)
			throws IOException {
		int count = this.refused.incrementAndGet();
		long now = System.nanoTime();
		long last = this.lastLog.get();
		if (now - last >= LOG_EVERY_NANOS && this.lastLog.compareAndSet(last, now)) {
			this.refused.addAndGet(-count);
			log.warn(
					"Refused {} request(s) whose parameters could not be read in the last minute, the latest from {}: {}",
					count, request.getRemoteAddr(), firstLine(ex.getMessage()));
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType("text/html;charset=UTF-8");
		SecurityHeadersFilter.apply(response);
		var body = FriendlyErrorReportValve.page(HttpServletResponse.SC_BAD_REQUEST, this.site.get().name())
			.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "unreadable parameters";
		}
		var line = message.lines().findFirst().orElse("");
		return (line.length() > 160) ? line.substring(0, 160) + "…" : line;
	}

}
