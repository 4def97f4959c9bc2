package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.show.Shows;
import ai.interconnects.archive.web.CurrentSite;
import ai.interconnects.archive.web.EpisodePaths;
import ai.interconnects.archive.web.PageMeta;
import ai.interconnects.archive.web.PublicUrl;
import ai.interconnects.archive.web.ShowOfEpisode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The archive list ({@code /}) and every chapter of every episode ({@code /chapters}).
 */
@Controller
class ArchiveController {

	static final String ARCHIVE_VIEW = "archive/index";

	static final String CHAPTERS_VIEW = "archive/chapters";

	static final String LIST_VIEW = "archive/list";

	private final ReadingService reading;

	private final PublicUrl publicUrl;

	private final CurrentSite site;

	private final Shows shows;

	/**
	 * Whether the archive is a library, answered once per request with the page stamp.
	 */
	private final ShowOfEpisode showOfEpisode;

	private final LibraryController library;

	ArchiveController(ReadingService reading, PublicUrl publicUrl, CurrentSite site, Shows shows,
			ShowOfEpisode showOfEpisode, LibraryController library) {
		this.shows = shows;
		this.showOfEpisode = showOfEpisode;
		this.library = library;
		this.reading = reading;
		this.publicUrl = publicUrl;
		this.site = site;
	}

	/**
	 * {@code page} is taken as text: a bookmark with {@code ?page=abc} or
	 * {@code ?page=-3} gets the first page rather than an error, {@code ?page=999} the
	 * last. {@code view=list} is every episode in one compact list, by year. In a library
	 * it is the library's home, and a page of the archive (a bookmark from when it held
	 * one show) is that page of the first show.
	 */
	@GetMapping("/")
	Object archive(@RequestParam(name = "page", required = false) String page,
			@RequestParam(name = "view", required = false) String view, Model model) {
		if (this.showOfEpisode.library()) {
			if (page == null && !"list".equals(view)) {
				return this.library.home(model);
			}
			var first = this.shows.visible().get(0);
			var query = "list".equals(view) ? "?view=list" : "?page=" + parsePage(page);
			return moved(EpisodePaths.show(first.slug()) + query);
		}
		if ("list".equals(view)) {
			return list(model);
		}
		var archive = this.reading.archive(parsePage(page));
		model.addAttribute("archive", archive);
		var canonical = this.publicUrl.builder("/");
		if (archive.page() > 1) {
			canonical.queryParam("page", archive.page());
		}
		// the site's model attribute has just read the show afresh
		var site = this.site.get();
		model.addAttribute("meta", PageMeta.page(canonical.toUriString(), site.name(),
				"Every episode of the " + site.showTitle() + " podcast with chapters and full transcripts."));
		return ARCHIVE_VIEW;
	}

	private String list(Model model) {
		model.addAttribute("years", this.reading.list());
		var site = this.site.get();
		model.addAttribute("meta",
				PageMeta.page(this.publicUrl.builder("/").queryParam("view", "list").toUriString(),
						"Every episode, by year · " + site.name(),
						"Every " + site.showTitle() + " episode in one list, by year."));
		return LIST_VIEW;
	}

	/** A page of the episodes with chapters ({@code page} read as on the archive). */
	@GetMapping("/chapters")
	String chapters(@RequestParam(name = "page", required = false) String page, Model model) {
		// a library's are grouped by show
		var index = this.showOfEpisode.library() ? this.library.chapterIndex(parsePage(page))
				: this.reading.chapterIndex(parsePage(page));
		model.addAttribute("index", index);
		var canonical = this.publicUrl.builder("/chapters");
		if (index.page() > 1) {
			canonical.queryParam("page", index.page());
		}
		var site = this.site.get();
		model.addAttribute("meta", PageMeta.page(canonical.toUriString(), "Every chapter · " + site.name(),
				"Every chapter of every " + site.showTitle() + " episode, each a link into the audio."));
		return CHAPTERS_VIEW;
	}

	static RedirectView moved(String path) {
		var redirect = new RedirectView(path, true);
		redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
		return redirect;
	}

	static int parsePage(String page) {
		if (page == null) {
			return 1;
		}
		var text = page.strip();
		if (!text.matches("\\d{1,9}")) {
			return 1;
		}
		return Integer.parseInt(text);
	}

}
