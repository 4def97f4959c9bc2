package ai.interconnects.archive.episode.web;

import java.util.Optional;

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
@ControllerAdvice(assignableTypes = EpisodeController.class)
class EpisodeShowAdvice {

	private final ShowCatalog catalog;

	private final Shows shows;

	EpisodeShowAdvice(ShowCatalog catalog, Shows shows) {
		this.catalog = catalog;
		this.shows = shows;
	}

	@ModelAttribute("episodeShow")
	Shows.Show episodeShow(@PathVariable(name = "slug", required = false) String slug) {
		if (slug == null || !this.catalog.library()) {
			return null;
		}
		return Optional.ofNullable(this.catalog.showSlug(slug)).flatMap(this.shows::bySlug).orElse(null);
	}

}
