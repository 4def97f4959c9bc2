package ai.interconnects.archive.web;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * HTTP caching for the reading pages ({@link PublicPaths#READING_PAGES}: the archive,
 * episodes, transcripts, chapters, speakers and {@code /search}), in front of the
 * controllers:
 * <ul>
 * <li>A page is known by its decoded path and the query parameters it reads
 * ({@link PageRequest}): {@code ?x=random} or {@code /%65pisodes/…} is the same page, is
 * rendered without the parameters it does not read, and neither renders again nor pushes
 * other pages out of the cache.</li>
 * <li>Each page gets a strong {@code ETag} made of that key, the {@link ArchiveStamp}
 * (moved on by any {@link DerivedChanges}) and the build; {@code Last-Modified} is the
 * archive's last change; {@code Cache-Control} is {@link PageEtags#PUBLIC_PAGE}.</li>
 * <li>{@code HEAD} is the {@code GET} without its body: the same status and headers, from
 * the same cache.</li>
 * <li>A matching {@code If-None-Match} gets {@code 304} after the one stamp statement,
 * without reaching a controller or a template.</li>
 * <li>Rendered pages are kept in {@link RenderedPages} (plain and gzip), so a popular
 * transcript is rendered and compressed once per archive change, not once per
 * reader.</li>
 * </ul>
 * Only successful HTML responses that set no cookie are cached; errors, and anything
 * else, pass through untouched. It runs after Spring Security, which still sees every
 * request.
 */
@Component
@Order(0)
class PageCacheFilter extends OncePerRequestFilter {

	private final ArchiveStamp stamps;

	private final ObjectProvider<DerivedChanges> derived;

	private final PageEtags etags;

	private final RenderedPages rendered;

	private final boolean cacheRendered;

	PageCacheFilter(ArchiveStamp stamps, ObjectProvider<DerivedChanges> derived, PageEtags etags,
			PageCacheProperties properties) {
		this.stamps = stamps;
		this.derived = derived;
		this.etags = etags;
		this.cacheRendered = properties.enabled();
		this.rendered = new RenderedPages(properties.maxSize().toBytes(), properties.timeToLive());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			return true;
		}
		return PublicPaths.readingPage(RequestPaths.of(request)) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest original, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var path = RequestPaths.of(original);
		var request = new PageRequest(original, path, PublicPaths.readingPage(path));
		boolean head = "HEAD".equals(original.getMethod());
		ArchiveStamp.Stamp stamp;
		try {
			stamp = this.stamps.current();
			for (var changes : this.derived) {
				stamp = stamp.changedAt(changes.lastChange());
			}
		}
		catch (DataAccessException | TransactionException ex) {
			// (a TransactionException: the catalog's transaction could not get a
			// connection)
			if (DatabaseFailures.unreachable(ex)) {
				// Every page needs the database: the page's first step fails with this
				// (503, "temporarily unavailable") instead of waiting for a connection
				// again, once per query.
				DatabaseFailures.note(request, ex);
			}
			chain.doFilter(request, response);
			return;
		}
		if (stamp.empty()) {
			// The empty home page shows the state of the last poll, which the stamp does
			// not follow.
			chain.doFilter(request, response);
			return;
		}
		var etag = this.etags.etag("page", request.key(), stamp.episodes(), stamp.lastChange(), stamp.derivedChange());
		var lastModified = stamp.lastModified();
		response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		if (ConditionalGet.isNotModified(request, etag, lastModified)) {
			// The 304 names the representation a 200 would have sent (RFC 9110 15.4.5).
			this.etags.writeValidators(response, servedTag(gzip(request), etag), lastModified);
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		var cached = this.cacheRendered ? this.rendered.get(stamp, etag) : null;
		if (cached != null) {
			write(request, response, etag, lastModified, cached, head);
			return;
		}
		var wrapper = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, wrapper);
		if (!cacheable(wrapper)) {
			finish(wrapper, head);
			return;
		}
		if (!this.cacheRendered) {
			this.etags.writeValidators(response, etag, lastModified);
			finish(wrapper, head);
			return;
		}
		var page = RenderedPages.Page.of(wrapper.getContentAsByteArray(), wrapper.getContentType());
		this.rendered.put(stamp, etag, page);
		write(request, response, etag, lastModified, page, head);
	}

	/** Sends what was rendered; for a HEAD, only its headers and length. */
	private static void finish(ContentCachingResponseWrapper wrapper, boolean head) throws IOException {
		if (head) {
			var length = wrapper.getContentSize();
			wrapper.resetBuffer();
			if (!wrapper.isCommitted()) {
				wrapper.getResponse().setContentLength(length);
			}
		}
		wrapper.copyBodyToResponse();
	}

	/** How many rendered pages the cache holds. */
	int cachedPages() {
		return this.rendered.size();
	}

	private boolean gzip(HttpServletRequest request) {
		// Without the rendered-page cache the page is sent as rendered (plain).
		return this.cacheRendered && ConditionalGet.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
	}

	private static String servedTag(boolean gzip, String etag) {
		return gzip ? ConditionalGet.gzipVariant(etag) : etag;
	}

	private static boolean cacheable(ContentCachingResponseWrapper response) {
		var type = response.getContentType();
		return response.getStatus() == HttpServletResponse.SC_OK && !response.isCommitted() && type != null
				&& type.startsWith("text/html") && !response.containsHeader(HttpHeaders.SET_COOKIE);
	}

	private void write(HttpServletRequest request, HttpServletResponse response, String etag, Instant lastModified,
			RenderedPages.Page page, boolean head) throws IOException {
		boolean gzip = gzip(request);
		this.etags.writeValidators(response, servedTag(gzip, etag), lastModified);
		var body = gzip ? page.gzip() : page.plain();
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(page.contentType());
		if (gzip) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		response.setContentLength(body.length);
		if (!head) {
			response.getOutputStream().write(body);
		}
	}

}
