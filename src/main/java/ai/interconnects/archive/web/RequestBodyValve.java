package ai.interconnects.archive.web;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Request bodies, before anything in the application reads one (Spring Security's CSRF
 * check and the parameter filter read every POST's form): a client trickling a body one
 * byte at a time would otherwise hold a request thread for as long as it likes, and a
 * hundred such clients every thread.
 * <ul>
 * <li>A body sent where no form is served ({@link FormEndpoints}; everything but the
 * admin area) is refused at once: 405, or 400 for a body on a request that has none, and
 * the connection is closed without reading it.</li>
 * <li>A form must state its length ({@code Content-Length}, else 411), be at most
 * {@code archive.clients.max-form-size} (else 413) and arrive whole within
 * {@code archive.clients.form-read-deadline} (else 408); where a file is uploaded
 * ({@link FormEndpoints#uploads()}) {@code archive.clients.max-upload-size} and
 * {@code archive.clients.upload-read-deadline} instead. It is read here, into memory, and
 * handed on to the application ({@link FormBodyFilter}); at most {@value #MAX_READING}
 * forms are read at once, from all clients together (else 503).</li>
 * </ul>
 * Refusals are logged in one line at most once a minute, with their count.
 */
final class RequestBodyValve extends ValveBase {

	private static final Logger log = LoggerFactory.getLogger(RequestBodyValve.class);

	static final String BODY_ATTRIBUTE = RequestBodyValve.class.getName() + ".body";

	private static final long LOG_EVERY_NANOS = 60_000_000_000L;

	/** The largest body, and the longest it may take to arrive. */
	record Limit(long maxSize, Duration deadline) {
	}

	private final Supplier<List<String>> formPatterns;

	private final Supplier<List<String>> uploadPatterns;

	private final Limit form;

	private final Limit upload;

	private final Supplier<String> siteName;

	/**
	 * Forms being read at once, from all clients together: only the operator posts forms,
	 * so a few suffice, and clients spread over many addresses cannot hold more threads
	 * than this with bodies that trickle in.
	 */
	static final int MAX_READING = 8;

	private final Semaphore reading = new Semaphore(MAX_READING);

	private final AtomicInteger refused = new AtomicInteger();

	private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

	private volatile List<PathPattern> forms;

	private volatile List<PathPattern> uploads;

	RequestBodyValve(Supplier<List<String>> formPatterns, Supplier<List<String>> uploadPatterns, Limit form,
			Limit upload, Supplier<String> siteName) {
		super(true);
		this.formPatterns = formPatterns;
		this.uploadPatterns = uploadPatterns;
		this.form = form;
		this.upload = upload;
		this.siteName = siteName;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		long length = request.getContentLengthLong();
		boolean chunked = request.getHeader("Transfer-Encoding") != null;
		if (length <= 0 && !chunked) {
			getNext().invoke(request, response);
			return;
		}
		var method = request.getMethod();
		var path = RequestPaths.of(request);
		if (!"POST".equals(method) || !matches(path, this.formPatterns, false)) {
			boolean bodyless = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
			refuse(request, response,
					bodyless ? HttpServletResponse.SC_BAD_REQUEST : HttpServletResponse.SC_METHOD_NOT_ALLOWED,
					"a body where none is taken");
			return;
		}
		if (chunked || length < 0) {
			refuse(request, response, HttpServletResponse.SC_LENGTH_REQUIRED, "a form without Content-Length");
			return;
		}
		var limit = matches(path, this.uploadPatterns, true) ? this.upload : this.form;
		if (length > limit.maxSize()) {
			refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
					"a form of " + length + " bytes");
			return;
		}
		if (!this.reading.tryAcquire()) {
			refuse(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
					"a form while " + MAX_READING + " others were still arriving");
			return;
		}
		byte[] body;
		try {
			body = read(request, (int) length, limit.deadline());
		}
		catch (IOException gone) {
			// the client closed the connection half way: nobody to answer
			request.getCoyoteRequest().action(ActionCode.CLOSE_NOW, null);
			response.setErrorReported();
			return;
		}
		finally {
			this.reading.release();
		}
		if (body == null) {
			refuse(request, response, HttpServletResponse.SC_REQUEST_TIMEOUT,
					"a form that did not arrive within " + limit.deadline().toSeconds() + " s");
			return;
		}
		request.setAttribute(BODY_ATTRIBUTE, body);
		getNext().invoke(request, response);
	}

	/**
	 * The whole body, or null when it did not arrive within the deadline (each read also
	 * ends after Tomcat's {@code connection-timeout} of silence).
	 */
	private byte[] read(Request request, int length, Duration deadline) throws IOException {
		long until = System.nanoTime() + deadline.toNanos();
		var body = new byte[length];
		int filled = 0;
		var in = request.getInputStream();
		while (filled < length) {
			if (System.nanoTime() - until > 0) {
				return null;
			}
			int n;
			try {
				n = in.read(body, filled, length - filled);
			}
			catch (IOException ex) {
				if (timedOut(ex)) {
					return null;
				}
				throw ex;
			}
			if (n < 0) {
				throw new IOException("The client sent " + filled + " of " + length + " bytes");
			}
			filled += n;
		}
		return body;
	}

	private static boolean timedOut(Throwable ex) {
		for (var cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InterruptedIOException) {
				return true;
			}
		}
		return false;
	}

	private boolean matches(String path, Supplier<List<String>> declared, boolean upload) {
		var patterns = upload ? this.uploads : this.forms;
		if (patterns == null) {
			patterns = declared.get().stream().map(PathPatternParser.defaultInstance::parse).toList();
			if (upload) {
				this.uploads = patterns;
			}
			else {
				this.forms = patterns;
			}
		}
		var container = PathContainer.parsePath(path);
		return patterns.stream().anyMatch((pattern) -> pattern.matches(container));
	}

	private void refuse(Request request, Response response, int status, String what) throws IOException {
		refuseUnread(request, response);
		response.setStatus(status);
		if (status == HttpServletResponse.SC_METHOD_NOT_ALLOWED) {
			response.setHeader("Allow", "GET, HEAD");
		}
		if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
			response.setHeader("Retry-After", "10");
		}
		response.setContentType("text/html;charset=UTF-8");
		SecurityHeadersFilter.apply(response);
		var page = FriendlyErrorReportValve.page(status, this.siteName.get())
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		response.setContentLength(page.length);
		response.getOutputStream().write(page);
		logRefusal(request, status, what);
	}

	/**
	 * Closes the connection after the answer instead of reading the rest of the body
	 * first. Tomcat then counts the request as failed; the answer written here is its
	 * report, so no error page is rendered over it.
	 */
	static void refuseUnread(Request request, Response response) {
		request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
		response.setErrorReported();
		response.setHeader("Connection", "close");
	}

	private void logRefusal(Request request, int status, String what) {
		int count = this.refused.incrementAndGet();
		long now = System.nanoTime();
		long last = this.lastLog.get();
		if (now - last >= LOG_EVERY_NANOS && this.lastLog.compareAndSet(last, now)) {
			this.refused.addAndGet(-count);
			log.warn("Refused {} request body(ies) in the last minute; the latest, {} {} {}, with {}", count,
					request.getMethod().toUpperCase(Locale.ROOT), status, what, request.getRemoteAddr());
		}
	}

}
