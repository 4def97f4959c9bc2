package ai.interconnects.archive.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.UriUtils;
import org.springframework.web.util.UrlPathHelper;

/**
 * The show in an episode's URL ({@link EpisodePaths}), in front of the page cache:
 * <ul>
 * <li>With one show, {@code /shows/{show}/episodes/{slug}…} answers a 301 to
 * {@code /episodes/{slug}…}.</li>
 * <li>In a library, {@code /episodes/{slug}…} answers a 301 to its show's form (and a
 * wrong show to the right one); the show's form is served by the episode's own pages, so
 * every page, file and cache entry of an episode stays one.</li>
 * <li>In a library, every {@code /episodes/…} link a page writes (through
 * {@code encodeURL}, as Thymeleaf's {@code @{…}} links do) is written in its show's
 * form.</li>
 * </ul>
 */
@Component
@Order(-1)
class ShowUrlFilter extends OncePerRequestFilter {

	private static final Pattern SHOW_EPISODE = Pattern.compile("^/shows/([^/]+)/episodes/([^/]+)(.*)$",
			Pattern.DOTALL);

	private static final Pattern EPISODE = Pattern.compile("^/episodes/([^/]+)(.*)$", Pattern.DOTALL);

	private final ShowOfEpisode shows;

	ShowUrlFilter(ShowOfEpisode shows) {
		this.shows = shows;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			return true;
		}
		var path = RequestPaths.of(request);
		return path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/css/")
				|| path.startsWith("/js/") || path.startsWith("/favicon");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var path = RequestPaths.of(request);
		var underShow = SHOW_EPISODE.matcher(path);
		if (underShow.matches()) {
			var show = underShow.group(1);
			var slug = underShow.group(2);
			var rest = underShow.group(3);
			if (!this.shows.library()) {
				redirect(request, response, EpisodePaths.page(slug) + encodedRest(rest));
				return;
			}
			var actual = this.shows.showSlug(slug);
			if (actual != null && !actual.equals(show)) {
				redirect(request, response, EpisodePaths.page(actual, slug) + encodedRest(rest));
				return;
			}
			chain.doFilter(new EpisodeRequest(request, "/episodes/" + slug + rest,
					EpisodePaths.page(slug) + encodedRest(rest)), new ShowLinks(response, this.shows));
			return;
		}
		var legacy = EPISODE.matcher(path);
		if (legacy.matches() && this.shows.library()) {
			var actual = this.shows.showSlug(legacy.group(1));
			if (actual != null) {
				redirect(request, response, EpisodePaths.page(actual, legacy.group(1)) + encodedRest(legacy.group(2)));
				return;
			}
		}
		chain.doFilter(request, new ShowLinks(response, this.shows));
	}

	private static String encodedRest(String rest) {
		return UriUtils.encodePath(rest, StandardCharsets.UTF_8);
	}

	private static void redirect(HttpServletRequest request, HttpServletResponse response, String location) {
		var query = request.getQueryString();
		response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
		response.setHeader("Location", request.getContextPath() + location + ((query != null) ? "?" + query : ""));
	}

	/** The request as the episode's own pages know it: {@code /episodes/{slug}…}. */
	private static final class EpisodeRequest extends HttpServletRequestWrapper {

		private final String path;

		private final String uri;

		EpisodeRequest(HttpServletRequest request, String path, String encodedPath) {
			super(request);
			this.path = path;
			this.uri = request.getContextPath() + encodedPath;
			// what the filters before parsed was the show's form
			request.removeAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
			request.removeAttribute(UrlPathHelper.PATH_ATTRIBUTE);
		}

		@Override
		public String getRequestURI() {
			return this.uri;
		}

		@Override
		public StringBuffer getRequestURL() {
			var url = new StringBuffer(getScheme()).append("://").append(getServerName());
			url.append(':').append(getServerPort()).append(this.uri);
			return url;
		}

		@Override
		public String getServletPath() {
			return this.path;
		}

		@Override
		public String getPathInfo() {
			return null;
		}

	}

	/**
	 * Writes a page's episode links in their show's form in a library; asks whether the
	 * archive is one at the first such link, and each episode's show once per page.
	 */
	private static final class ShowLinks extends HttpServletResponseWrapper {

		private final ShowOfEpisode shows;

		private final HashMap<String, String> showOf = new HashMap<>();

		private Boolean library;

		ShowLinks(HttpServletResponse response, ShowOfEpisode shows) {
			super(response);
			this.shows = shows;
		}

		@Override
		public String encodeURL(String url) {
			var encoded = super.encodeURL(url);
			if (encoded == null || !encoded.startsWith("/episodes/")) {
				return encoded;
			}
			if (this.library == null) {
				this.library = this.shows.library();
			}
			if (!this.library) {
				return encoded;
			}
			return EpisodePaths.underShow(encoded, (slug) -> this.showOf.computeIfAbsent(slug, this.shows::showSlug));
		}

	}

}
