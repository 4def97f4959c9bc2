package ai.interconnects.archive.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A reading page's request as the page sees it: only the query parameters it reads
 * ({@link PublicPaths.ReadingPage#parameters()}), in one canonical order, and always a
 * GET (a HEAD is rendered as the GET it stands for; the filter leaves the body out).
 * {@code ?x=random} therefore renders, and is cached as, the very same page as without
 * it, and its key ({@link #key()}) is the same.
 */
final class PageRequest extends FixedParameters {

	private final String path;

	PageRequest(HttpServletRequest request, String path, PublicPaths.ReadingPage page) {
		super(request, read(request, page));
		this.path = path;
	}

	private static Map<String, String[]> read(HttpServletRequest request, PublicPaths.ReadingPage page) {
		var read = new TreeMap<String, String[]>();
		for (var entry : request.getParameterMap().entrySet()) {
			if (page.parameters().contains(entry.getKey())) {
				read.put(entry.getKey(), entry.getValue());
			}
		}
		return read;
	}

	/** The decoded path and the parameters the page reads: what makes it what it is. */
	String key() {
		var query = getQueryString();
		return (query != null) ? this.path + "?" + query : this.path;
	}

	@Override
	public String getMethod() {
		return "GET";
	}

	@Override
	public String getQueryString() {
		if (getParameterMap().isEmpty()) {
			return null;
		}
		return getParameterMap().entrySet()
			.stream()
			.flatMap((entry) -> java.util.Arrays.stream(entry.getValue())
				.map((value) -> encode(entry.getKey()) + "=" + encode(value)))
			.collect(Collectors.joining("&"));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
