package ai.interconnects.archive.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the form body that {@link RequestBodyValve} read, whole and in time, to the
 * application: its input stream and its parameters (the query's first, as the servlet
 * specification orders them) come from memory, so nothing downstream waits on the client.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class FormBodyFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getAttribute(RequestBodyValve.BODY_ATTRIBUTE) instanceof byte[] body) {
			chain.doFilter(new ReadBody(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static final class ReadBody extends FixedParameters {

		private final byte[] body;

		private final List<Part> parts;

		ReadBody(HttpServletRequest request, byte[] body) {
			this(request, body, parts(request, body));
		}

		private ReadBody(HttpServletRequest request, byte[] body, List<Part> parts) {
			super(request, parameters(request, body, parts));
			this.body = body;
			this.parts = parts;
		}

		private static List<Part> parts(HttpServletRequest request, byte[] body) {
			var type = request.getContentType();
			if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
				return List.of();
			}
			try {
				return MemoryParts.parse(body, type, charset(request));
			}
			catch (IOException | RuntimeException ex) {
				// a malformed upload reaches the page as a form without its file, which
				// says so
				return List.of();
			}
		}

		@Override
		public Collection<Part> getParts() {
			return this.parts;
		}

		@Override
		public Part getPart(String name) {
			return this.parts.stream().filter((part) -> part.getName().equals(name)).findFirst().orElse(null);
		}

		private static Map<String, String[]> parameters(HttpServletRequest request, byte[] body, List<Part> parts) {
			var charset = charset(request);
			var all = new LinkedHashMap<String, List<String>>();
			add(all, request.getQueryString(), charset);
			var type = request.getContentType();
			if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
				add(all, new String(body, charset), charset);
			}
			MemoryParts.addFields(parts, charset, all);
			var map = new LinkedHashMap<String, String[]>();
			all.forEach((name, values) -> map.put(name, values.toArray(String[]::new)));
			return map;
		}

		@Override
		public ServletInputStream getInputStream() {
			var in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body has been read already");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), charset(this)));
		}

		private static Charset charset(HttpServletRequest request) {
			var name = request.getCharacterEncoding();
			try {
				return (name != null) ? Charset.forName(name) : StandardCharsets.UTF_8;
			}
			catch (IllegalArgumentException ex) {
				return StandardCharsets.UTF_8;
			}
		}

		private static void add(Map<String, List<String>> into, String encoded, Charset charset) {
			if (encoded == null || encoded.isEmpty()) {
				return;
			}
			for (var pair : encoded.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int equals = pair.indexOf('=');
				var name = (equals < 0) ? pair : pair.substring(0, equals);
				var value = (equals < 0) ? "" : pair.substring(equals + 1);
				try {
					into.computeIfAbsent(URLDecoder.decode(name, charset), (key) -> new ArrayList<>())
						.add(URLDecoder.decode(value, charset));
				}
				catch (IllegalArgumentException ex) {
					// a malformed escape: the pair is left out, as Tomcat does
				}
			}
		}

	}

}
