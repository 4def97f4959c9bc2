package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.show.Shows;
import ai.interconnects.archive.web.CurrentSite;
import ai.interconnects.archive.web.EpisodePaths;
import ai.interconnects.archive.web.PageMeta;
import ai.interconnects.archive.web.PublicUrl;
import ai.interconnects.archive.web.ShowOfEpisode;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

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

	/**
	 * Whether the archive is a library, answered once per request with the page stamp.
	 */
	private final ShowOfEpisode showOfEpisode;

	private final PublicUrl publicUrl;

	private final CurrentSite site;

	LibraryController(ShowPages pages, Shows shows, ShowOfEpisode showOfEpisode, PublicUrl publicUrl,
			CurrentSite site) {
		this.pages = pages;
		this.shows = shows;
		this.showOfEpisode = showOfEpisode;
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
	Object show(@PathVariable String show, @RequestParam(name = "page", required = false) String page,
			@RequestParam(name = "view", required = false) String view, Model model) {
		var found = found(show);
		boolean list = "list".equals(view);
		if (!this.showOfEpisode.library()) {
			// the one show's page is the home
			int n = ArchiveController.parsePage(page);
			return ArchiveController.moved(list ? "/?view=list" : (n > 1) ? "/?page=" + n : "/");
		}
		if (list) {
			return list(found, model);
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

	private String list(Shows.Show show, Model model) {
		model.addAttribute("years", this.pages.list(show));
		model.addAttribute("showPage", show);
		model.addAttribute("meta",
				PageMeta.page(
						this.publicUrl.builder(EpisodePaths.show(show.slug())).queryParam("view", "list").toUriString(),
						show.title() + ": every episode, by year · " + this.site.get().name(),
						"Every " + show.title() + " episode in one list, by year."));
		return ArchiveController.LIST_VIEW;
	}

	/** A library's {@code /chapters}: called by the archive's in a library. */
	Pages.ChapterIndex chapterIndex(int page) {
		return this.pages.libraryChapters(page);
	}

	/**
	 * Every chapter of one show's episodes, as {@code /chapters}; with one show that is
	 * {@code /chapters}, and this page answers a 301 there.
	 */
	@GetMapping("/shows/{show}/chapters")
	Object chapters(@PathVariable String show, @RequestParam(name = "page", required = false) String page,
			Model model) {
		var found = found(show);
		int n = ArchiveController.parsePage(page);
		if (!this.showOfEpisode.library()) {
			return ArchiveController.moved((n > 1) ? "/chapters?page=" + n : "/chapters");
		}
		var index = this.pages.chapters(found, n);
		model.addAttribute("index", index);
		model.addAttribute("showPage", found);
		var canonical = this.publicUrl.builder(EpisodePaths.show(found.slug()) + "/chapters");
		if (index.page() > 1) {
			canonical.queryParam("page", index.page());
		}
		model.addAttribute("meta",
				PageMeta.page(canonical.toUriString(),
						"Every chapter of " + found.title() + " · " + this.site.get().name(),
						"Every chapter of every " + found.title() + " episode, each a link into the audio."));
		return ArchiveController.CHAPTERS_VIEW;
	}

	private Shows.Show found(String show) {
		return this.shows.bySlug(show)
			.filter((s) -> s.title() != null)
			.orElseThrow(() -> new EpisodeNotFoundException("No show " + show));
	}

}
