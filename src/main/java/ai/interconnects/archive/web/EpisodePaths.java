package ai.interconnects.archive.web;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.springframework.web.util.UriUtils;

/**
 * Where an episode's page is: the one place its path is built, with the slugs encoded as
 * path segments (a slug keeps the letters of any script). Its transcript, chapters and
 * files hang below it. With one show an episode is at {@code /episodes/{slug}}; in a
 * library at {@code /shows/{show}/episodes/{slug}}, and each form answers a 301 to the
 * other in the other mode ({@link ShowUrlFilter}).
 */
public final class EpisodePaths {

	/** An episode path in its one-show form: the slug, then what hangs below it. */
	private static final Pattern LEGACY = Pattern.compile("^/episodes/([^/?#]+)(.*)$", Pattern.DOTALL);

	private EpisodePaths() {
	}

	/**
	 * {@code /episodes/{slug}}: the one-show form (in a library, a 301 to the show's).
	 */
	public static String page(String slug) {
		return "/episodes/" + segment(slug);
	}

	/**
	 * The canonical path: {@code /shows/{show}/episodes/{slug}} when {@code showSlug} is
	 * given, {@code /episodes/{slug}} when it is null. Callers pass the episode's show
	 * slug in a library ({@link ShowOfEpisode#library()}) and null with one show.
	 */
	public static String page(String showSlug, String slug) {
		return (showSlug != null) ? show(showSlug) + page(slug) : page(slug);
	}

	/** {@code /shows/{show}}: a show's own archive page. */
	public static String show(String showSlug) {
		return "/shows/" + segment(showSlug);
	}

	/**
	 * A link as a page wrote it ({@code /episodes/{encoded slug}…}, with any query),
	 * moved under its show; any other link unchanged.
	 * @param showOf the show slug of an episode slug (decoded), or null to keep the link
	 */
	static String underShow(String link, UnaryOperator<String> showOf) {
		var matcher = LEGACY.matcher(link);
		if (!matcher.matches()) {
			return link;
		}
		String slug;
		try {
			slug = UriUtils.decode(matcher.group(1), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return link;
		}
		var show = showOf.apply(slug);
		return (show != null) ? show(show) + link : link;
	}

	private static String segment(String slug) {
		return UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
	}

}
