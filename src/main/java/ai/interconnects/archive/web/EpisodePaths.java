package ai.interconnects.archive.web;

import java.nio.charset.StandardCharsets;

import org.springframework.web.util.UriUtils;

/**
 * Where an episode's page is: the one place its path is built, with the slug encoded as a
 * path segment (a slug keeps the letters of any script). Its transcript, chapters and
 * files hang below it.
 */
public final class EpisodePaths {

	private EpisodePaths() {
	}

	/** {@code /episodes/{slug}}. */
	public static String page(String slug) {
		return "/episodes/" + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
	}

}
