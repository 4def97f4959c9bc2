package ai.interconnects.archive.episode.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import ai.interconnects.archive.episode.ShowCatalog;
import ai.interconnects.archive.show.Shows;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * In a library, an episode's pages (the episode, its transcript and chapters) say which
 * show it belongs to: the model's {@code episodeShow}, which the layout names in the
 * header and footer and the pages in their titles. With one show it is null and every
 * page reads as it always has.
 */
@ControllerAdvice(assignableTypes = { EpisodeController.class, TranscriptFileController.class })
class EpisodeShowAdvice {

	static final String EPISODE_SHOW = "episodeShow";

	private final ShowCatalog catalog;

	private final Shows shows;

	EpisodeShowAdvice(ShowCatalog catalog, Shows shows) {
		this.catalog = catalog;
		this.shows = shows;
	}

	/**
	 * Also kept as a request attribute, so that the error page of a request inside an
	 * episode (a chapter it does not have, a transcript file it lacks) names the show
	 * too.
	 */
	@ModelAttribute(EPISODE_SHOW)
	Shows.Show episodeShow(@PathVariable(name = "slug", required = false) String slug, HttpServletRequest request) {
		var show = episodeShow(slug);
		if (show != null) {
			request.setAttribute(EPISODE_SHOW, show);
		}
		return show;
	}

	Shows.Show episodeShow(String slug) {
		if (slug == null || !this.catalog.library()) {
			return null;
		}
		return Optional.ofNullable(this.catalog.showSlug(slug)).flatMap(this.shows::bySlug).orElse(null);
	}

}
