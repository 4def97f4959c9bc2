package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.show.Shows;
import ai.interconnects.archive.web.CurrentSite;
import ai.interconnects.archive.web.EpisodePaths;
import ai.interconnects.archive.web.PageMeta;
import ai.interconnects.archive.web.PublicUrl;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The shows: their list ({@code /shows}, in either mode), each show's own archive page
 * ({@code /shows/{show}}, {@code ?page=} read as on the archive) and, in a library, the
 * home ({@code /}, through {@link ArchiveController}). With one show its page is the
 * home: {@code /shows/{show}} answers a 301 there.
 */
@Controller
class LibraryController {

	static final String LIBRARY_VIEW = "archive/library";

	static final String SHOWS_VIEW = "archive/shows";

	private final ShowPages pages;

	private final Shows shows;

	private final PublicUrl publicUrl;

	private final CurrentSite site;

	LibraryController(ShowPages pages, Shows shows, PublicUrl publicUrl, CurrentSite site) {
		this.pages = pages;
		this.shows = shows;
		this.publicUrl = publicUrl;
		this.site = site;
	}

	/** The library's home: called by the archive's {@code /} in a library. */
	String home(Model model) {
		var library = this.pages.library();
		model.addAttribute("library", library);
		var name = this.site.get().name();
		model.addAttribute("meta", PageMeta.page(this.publicUrl.of("/"), name,
				library.shows().size() + " podcasts with chapters and full transcripts, searched together."));
		return LIBRARY_VIEW;
	}

	@GetMapping("/shows")
	String shows(Model model) {
		var shows = this.pages.shows();
		model.addAttribute("shows", shows);
		model.addAttribute("meta", PageMeta.page(this.publicUrl.of("/shows"), "Shows · " + this.site.get().name(),
				"Every podcast in the archive."));
		return SHOWS_VIEW;
	}

	@GetMapping("/shows/{show}")
	Object show(@PathVariable String show, @RequestParam(name = "page", required = false) String page, Model model) {
		var found = this.shows.bySlug(show)
			.filter((s) -> s.title() != null)
			.orElseThrow(() -> new EpisodeNotFoundException("No show " + show));
		if (!this.shows.isLibrary()) {
			// the one show's page is the home
			int n = ArchiveController.parsePage(page);
			var redirect = new RedirectView((n > 1) ? "/?page=" + n : "/", true);
			redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
			return redirect;
		}
		var archive = this.pages.archive(found, ArchiveController.parsePage(page));
		model.addAttribute("archive", archive);
		model.addAttribute("showPage", found);
		var canonical = this.publicUrl.builder(EpisodePaths.show(found.slug()));
		if (archive.page() > 1) {
			canonical.queryParam("page", archive.page());
		}
		var name = this.site.get().name();
		model.addAttribute("meta", PageMeta.page(canonical.toUriString(), found.title() + " · " + name,
				"Every episode of " + found.title() + " with chapters and full transcripts."));
		return ArchiveController.ARCHIVE_VIEW;
	}

}
