package ai.interconnects.archive.syndication;

import java.util.Optional;

import ai.interconnects.archive.episode.ShowCatalog;
import ai.interconnects.archive.show.Shows;
import ai.interconnects.archive.web.DatabaseFailures;
import ai.interconnects.archive.web.PublicPaths;
import ai.interconnects.archive.web.RequestPaths;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Reads the reading pages' structured data ({@link StructuredData}: the show's artwork,
 * an episode's or the series' JSON-LD) before the page renders, into the model
 * ({@code showImage}, {@code jsonLd}): a template that queried the database while it was
 * being written could only fail half way, as a 500, where a query here fails like any
 * other (503 while the database cannot be reached).
 */
@ControllerAdvice(annotations = Controller.class)
class StructuredDataAdvice {

	private final StructuredData data;

	private final ShowCatalog library;

	private final Shows shows;

	StructuredDataAdvice(StructuredData data, ShowCatalog library, Shows shows) {
		this.data = data;
		this.library = library;
		this.shows = shows;
	}

	@ModelAttribute
	void structuredData(HttpServletRequest request, @PathVariable(name = "slug", required = false) String slug,
			Model model) {
		if (request.getDispatcherType() != DispatcherType.REQUEST) {
			return;
		}
		var path = RequestPaths.of(request);
		if (PublicPaths.readingPage(path) == null) {
			return;
		}
		DatabaseFailures.failIfNoted(request);
		var show = this.data.show();
		if (slug != null && path.startsWith("/episodes/") && this.library.library()) {
			// in a library an episode is its own show's
			var own = Optional.ofNullable(this.library.showSlug(slug)).flatMap(this.shows::bySlug).orElse(null);
			model.addAttribute("showImage", (own != null) ? own.imageUrl() : null);
			model.addAttribute("jsonLd", this.data.episode(slug, path.endsWith("/transcript"), own, true));
			return;
		}
		model.addAttribute("showImage", (show != null) ? show.imageUrl() : null);
		if (slug != null && path.startsWith("/episodes/")) {
			model.addAttribute("jsonLd", this.data.episode(slug, path.endsWith("/transcript"), show));
		}
		else if (path.equals("/") && !this.library.library()) {
			model.addAttribute("jsonLd", this.data.series(show));
		}
	}

}
