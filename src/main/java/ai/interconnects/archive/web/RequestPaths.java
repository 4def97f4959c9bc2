package ai.interconnects.archive.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.UrlPathHelper;

/**
 * The one spelling of a request's path that every rule decides on: decoded
 * ({@code /%61pi} is {@code /api}), normalised by the container ({@code /./}, {@code //},
 * {@code ..} resolved) and without path parameters ({@code ;jsessionid=…}), relative to
 * the context path. It is the path the dispatcher and Spring Security's matchers see; the
 * raw {@code getRequestURI()} is the client's spelling and decides nothing.
 */
public final class RequestPaths {

	private static final UrlPathHelper DECODING = new UrlPathHelper();

	private RequestPaths() {
	}

	public static String of(HttpServletRequest request) {
		var servletPath = request.getServletPath();
		var pathInfo = request.getPathInfo();
		var path = (pathInfo != null) ? servletPath + pathInfo : servletPath;
		if (path == null || path.isEmpty()) {
			// A request the container did not map (a mock request in a unit test):
			// decode the URI the way Spring MVC does.
			return DECODING.getPathWithinApplication(request);
		}
		return path;
	}

}
