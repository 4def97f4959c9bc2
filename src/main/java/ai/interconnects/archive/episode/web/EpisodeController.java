package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.episode.EpisodeCatalog;
import ai.interconnects.archive.episode.ShowCatalog;
import ai.interconnects.archive.search.RelatedEpisodes;
import ai.interconnects.archive.search.SearchService;
import ai.interconnects.archive.web.CurrentSite;
import ai.interconnects.archive.web.EpisodePaths;
import ai.interconnects.archive.web.PageMeta;
import ai.interconnects.archive.web.PublicUrl;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An episode, its transcript and its chapters. Every page takes {@code ?t=} (seconds or a
 * clock time) to open with the player at that moment, kept inside the episode; bad values
 * are ignored. The episode and transcript pages also take a range ({@code ?t=754,801}):
 * they quote its paragraphs, play only it, and preview as the quote when shared.
 */
@Controller
class EpisodeController {

	static final String EPISODE_VIEW = "episode/show";

	static final String TRANSCRIPT_VIEW = "episode/transcript";

	static final String CHAPTER_VIEW = "episode/chapter";

	private final ReadingService reading;

	private final SearchService search;

	private final PublicUrl publicUrl;

	private final EpisodeCatalog catalog;

	private final CurrentSite site;

	private final RelatedEpisodes related;

	private final ShowCatalog shows;

	EpisodeController(ReadingService reading, SearchService search, PublicUrl publicUrl, EpisodeCatalog catalog,
			CurrentSite site, RelatedEpisodes related, ShowCatalog shows) {
		this.shows = shows;
		this.related = related;
		this.reading = reading;
		this.search = search;
		this.publicUrl = publicUrl;
		this.catalog = catalog;
		this.site = site;
	}

	@GetMapping("/episodes/{slug}")
	String episode(@PathVariable String slug, @RequestParam(name = "t", required = false) String t, Model model) {
		var at = TimeRange.parse(t);
		var page = this.reading.episode(slug, at);
		var episode = page.episode();
		model.addAttribute("page", page);
		model.addAttribute("episode", episode);
		model.addAttribute("player", Player.of(episode, at));
		model.addAttribute("people", People.of(this.catalog.persons(episode.slug())));
		model.addAttribute("related", this.related.of(episode.slug()));
		var path = canonicalPath(episode);
		model.addAttribute("meta", (page.quote() != null) ? quoteMeta(episode, path, page.quote(), at)
				: meta(episode, path, episode.title(), episode.summary()));
		return EPISODE_VIEW;
	}

	/**
	 * {@code q} marks the paragraphs that match it (full-text, as {@code /search}); like
	 * there, a longer query is cut to {@code archive.search.max-query-length} characters.
	 */
	@GetMapping("/episodes/{slug}/transcript")
	String transcript(@PathVariable String slug, @RequestParam(name = "t", required = false) String t,
			@RequestParam(name = "q", required = false) String q, Model model) {
		int maxLength = this.search.maxQueryLength();
		var query = (q != null && !q.isBlank()) ? firstCodePoints(q.strip(), maxLength) : null;
		var at = TimeRange.parse(t);
		var page = this.reading.transcript(slug, query, at);
		var episode = page.episode();
		model.addAttribute("page", page);
		model.addAttribute("episode", episode);
		model.addAttribute("query", query);
		model.addAttribute("maxQueryLength", maxLength);
		model.addAttribute("player", Player.of(episode, at));
		var path = canonicalPath(episode) + "/transcript";
		model.addAttribute("meta", (page.quote() != null) ? quoteMeta(episode, path, page.quote(), at)
				: meta(episode, path, "Transcript: " + episode.title(), episode.summary()));
		return TRANSCRIPT_VIEW;
	}

	/**
	 * {@code n} is taken as text so that {@code /chapters/abc} is a plain 404 like any
	 * other missing chapter, not a type-conversion error.
	 */
	@GetMapping("/episodes/{slug}/chapters/{n}")
	String chapter(@PathVariable String slug, @PathVariable String n,
			@RequestParam(name = "t", required = false) String t, Model model) {
		if (!n.matches("\\d{1,6}")) {
			throw new EpisodeNotFoundException("Episode " + slug + " has no chapter " + n);
		}
		var page = this.reading.chapter(slug, Integer.parseInt(n));
		var episode = page.episode();
		var chapter = page.chapter();
		var at = TimeRange.parse(t);
		model.addAttribute("page", page);
		model.addAttribute("episode", episode);
		model.addAttribute("player", Player.of(episode,
				(at != null) ? new TimeRange(at.start(), null) : new TimeRange(chapter.startSeconds(), null)));
		model.addAttribute("meta",
				meta(episode, canonicalPath(episode) + "/chapters/" + chapter.number(),
						chapter.title() + " · " + episode.title(),
						"Chapter " + chapter.number() + " of " + episode.title() + ", from " + chapter.start() + "."));
		return CHAPTER_VIEW;
	}

	/** The episode's canonical path: under its show in a library. */
	private String canonicalPath(EpisodeView episode) {
		return this.shows.library() ? EpisodePaths.page(this.shows.showSlug(episode.slug()), episode.slug())
				: episode.path();
	}

	private PageMeta meta(EpisodeView episode, String path, String title, String description) {
		var canonical = this.publicUrl.of(path);
		return new PageMeta(canonical, title, description, "article", episode.imageUrl(), episode.audioUrl(),
				episode.audioType());
	}

	/**
	 * A link to a moment previews as its words: the speaker and episode as the title, the
	 * quote as the description and a quote card as the image. The canonical URL keeps the
	 * moment as it was asked for (inside the episode), so each quote is its own page to
	 * the sites that preview it.
	 */
	private PageMeta quoteMeta(EpisodeView episode, String path, Quote quote, TimeRange at) {
		var t = at.within(episode.durationSeconds()).param();
		var canonical = this.publicUrl.builder(path).queryParam("t", t).toUriString();
		var image = this.publicUrl.builder(canonicalPath(episode) + "/quote.png").queryParam("t", t).toUriString();
		// the site's model attribute has just read the show afresh
		var who = (quote.speaker() != null) ? quote.speaker() : this.site.get().showTitle();
		var title = who + " at " + quote.startClock() + " · " + episode.title();
		return new PageMeta(canonical, title, "“" + quote.preview() + "”", "article", image, episode.audioUrl(),
				episode.audioType());
	}

	private static String firstCodePoints(String text, int max) {
		return (text.codePointCount(0, text.length()) > max) ? text.substring(0, text.offsetByCodePoints(0, max))
				: text;
	}

}
