package ai.interconnects.archive.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The public paths, declared once: the reading pages (with the query parameters each one
 * reads), which the page cache ({@link PageCacheFilter}) and Spring Security use, and the
 * open data (API, per-episode files, feed, list of shows), which the CORS configuration
 * opens to every origin.
 */
public final class PublicPaths {

	/** A reading page and the only query parameters that change it. */
	public record ReadingPage(String pattern, Set<String> parameters, PathPattern parsed) {

		static ReadingPage of(String pattern, String... parameters) {
			return new ReadingPage(pattern, Set.of(parameters), PathPatternParser.defaultInstance.parse(pattern));
		}

		boolean matches(PathContainer path) {
			return this.parsed.matches(path);
		}

	}

	public static final List<ReadingPage> READING_PAGES = List.of(ReadingPage.of("/", "page", "view"),
			ReadingPage.of("/chapters", "page"),
			ReadingPage.of("/search", "q", "speaker", "from", "to", "sort", "page", "mode", "show"),
			ReadingPage.of("/speakers"), ReadingPage.of("/speakers/{slug}", "page"),
			ReadingPage.of("/episodes/{slug}", "t"), ReadingPage.of("/episodes/{slug}/transcript", "t", "q"),
			ReadingPage.of("/episodes/{slug}/chapters/{n}", "t"), ReadingPage.of("/shows"),
			ReadingPage.of("/shows/{show}", "page"));

	/**
	 * An episode's pages and files under its show in a library: served as the
	 * {@code /episodes/…} ones ({@link ShowUrlFilter}), so the page cache knows them by
	 * that path.
	 */
	public static final List<String> SHOW_EPISODES = List.of("/shows/*/episodes/**");

	/** Files every origin may read (CORS), without credentials. */
	public static final List<String> OPEN_DATA = List.of("/api/v1/**", "/episodes/*/transcript.*",
			"/episodes/*/chapters.json", "/shows/*/episodes/*/transcript.*", "/shows/*/episodes/*/chapters.json",
			"/feed.xml", "/shows/*/feed.xml", "/library.xml", "/opml.xml");

	/** Static assets (hashed and plain URLs). */
	public static final List<String> ASSETS = List.of("/css/**", "/js/**", "/favicon.ico", "/favicon*.svg");

	private PublicPaths() {
	}

	/** The reading page at {@code path} (decoded, see {@link RequestPaths}), or null. */
	public static ReadingPage readingPage(String path) {
		var parsed = PathContainer.parsePath(path);
		for (var page : READING_PAGES) {
			if (page.matches(parsed)) {
				return page;
			}
		}
		return null;
	}

	/** Every public GET path pattern, for the security configuration. */
	public static String[] readable() {
		return Stream
			.of(READING_PAGES.stream().map(ReadingPage::pattern).map(PublicPaths::wildcard), OPEN_DATA.stream(),
					SHOW_EPISODES.stream(), ASSETS.stream())
			.flatMap((s) -> s)
			.toArray(String[]::new);
	}

	private static String wildcard(String pattern) {
		return pattern.replaceAll("\\{[^}]+}", "*");
	}

}
