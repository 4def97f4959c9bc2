package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.web.PageMeta;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * An episode, its transcript and its chapters. Every page takes {@code ?t=} (seconds or a
 * clock time) to open with the player at that moment; bad values are ignored.
 */
@Controller
class EpisodeController {

	private static final int MAX_QUERY_LENGTH = 200;

	static final String EPISODE_VIEW = "episode/show";

	static final String TRANSCRIPT_VIEW = "episode/transcript";

	static final String CHAPTER_VIEW = "episode/chapter";

	private final ReadingService reading;

	EpisodeController(ReadingService reading) {
		this.reading = reading;
	}

	@GetMapping("/episodes/{slug}")
	String episode(@PathVariable String slug, @RequestParam(name = "t", required = false) String t, Model model) {
		var page = this.reading.episode(slug);
		var episode = page.episode();
		model.addAttribute("page", page);
		model.addAttribute("episode", episode);
		model.addAttribute("player", Player.of(episode, Player.parseStart(t)));
		model.addAttribute("meta", meta(episode, episode.path(), episode.title(), episode.summary()));
		return EPISODE_VIEW;
	}

	/**
	 * {@code q} marks the paragraphs that match it (full-text, as {@code /search}); like
	 * there, a longer query is cut to its first 200 characters.
	 */
	@GetMapping("/episodes/{slug}/transcript")
	String transcript(@PathVariable String slug, @RequestParam(name = "t", required = false) String t,
			@RequestParam(name = "q", required = false) String q, Model model) {
		var query = (q != null && !q.isBlank()) ? firstCodePoints(q.strip(), MAX_QUERY_LENGTH) : null;
		var page = this.reading.transcript(slug, query);
		var episode = page.episode();
		model.addAttribute("page", page);
		model.addAttribute("episode", episode);
		model.addAttribute("query", query);
		model.addAttribute("player", Player.of(episode, Player.parseStart(t)));
		model.addAttribute("meta",
				meta(episode, episode.path() + "/transcript", "Transcript: " + episode.title(), episode.summary()));
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
		var start = Player.parseStart(t);
		model.addAttribute("page", page);
		model.addAttribute("episode", episode);
		model.addAttribute("player", Player.of(episode, (start != null) ? start : chapter.startSeconds()));
		model.addAttribute("meta",
				meta(episode, episode.path() + "/chapters/" + chapter.number(),
						chapter.title() + " · " + episode.title(),
						"Chapter " + chapter.number() + " of " + episode.title() + ", from " + chapter.start() + "."));
		return CHAPTER_VIEW;
	}

	private static PageMeta meta(EpisodeView episode, String path, String title, String description) {
		var canonical = ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
		return new PageMeta(canonical, title, description, "article", episode.imageUrl(), episode.audioUrl(),
				episode.audioType());
	}

	private static String firstCodePoints(String text, int max) {
		return (text.codePointCount(0, text.length()) > max) ? text.substring(0, text.offsetByCodePoints(0, max))
				: text;
	}

}
