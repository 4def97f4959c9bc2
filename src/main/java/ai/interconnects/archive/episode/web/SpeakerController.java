package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.transcript.Speakers;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import ai.interconnects.archive.episode.ShowCatalog;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /speakers}: the people who speak in the archive; {@code /speakers/{slug}}: their
 * most substantive words ({@link SpeakerQuotes}) and the episodes they speak in, one row
 * each, {@value #EPISODES_PER_PAGE} a page ({@code ?page=}). Speakers come from the
 * transcripts' labels, so a name spelled two ways is two speakers; the feed's
 * {@code podcast:person} tags add roles, links and episodes ({@link SpeakerDirectory}).
 */
@Controller
class SpeakerController {

	static final String LIST_VIEW = "speakers/index";

	static final String SPEAKER_VIEW = "speakers/show";

	static final int EPISODES_PER_PAGE = 20;

	static final int QUOTES = 3;

	private final SpeakerDirectory directory;

	private final ShowCatalog shows;

	SpeakerController(SpeakerDirectory directory, ShowCatalog shows) {
		this.directory = directory;
		this.shows = shows;
	}

	/** A show's part of a speaker's page in a library. */
	record ShowGroup(ShowCatalog.ShowRef show, List<SpeakerDirectory.SpeakerEpisode> episodes) {
	}

	/**
	 * In a library a speaker's episodes are grouped by show (oldest show first), each
	 * group newest first as the list is; null with one show.
	 */
	private List<ShowGroup> byShow(List<SpeakerDirectory.SpeakerEpisode> episodes) {
		if (!this.shows.library()) {
			return null;
		}
		var of = this.shows.showsOf(episodes.stream().map(SpeakerDirectory.SpeakerEpisode::slug).toList());
		var groups = new TreeMap<Long, ShowGroup>();
		for (var episode : episodes) {
			var show = of.get(episode.slug());
			if (show != null) {
				groups.computeIfAbsent(show.id(), (id) -> new ShowGroup(show, new ArrayList<>()))
					.episodes()
					.add(episode);
			}
		}
		return List.copyOf(groups.values());
	}

	@GetMapping("/speakers")
	String speakers(Model model) {
		model.addAttribute("speakers", this.directory.all());
		// in a library, the shows each is heard on
		model.addAttribute("speakerShows", this.shows.library() ? this.directory.shows() : null);
		return LIST_VIEW;
	}

	/** {@code page} is read as on the archive: anything unreadable is the first page. */
	@GetMapping("/speakers/{slug}")
	String speaker(@PathVariable String slug, @RequestParam(name = "page", required = false) String page, Model model) {
		var speaker = this.directory.find(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No speaker " + slug));
		var episodes = this.directory.episodes(speaker);
		int pages = Math.max(1, (episodes.size() + EPISODES_PER_PAGE - 1) / EPISODES_PER_PAGE);
		int n = Math.min(Math.max(number(page), 1), pages);
		model.addAttribute("speaker", speaker);
		var shown = episodes.subList((n - 1) * EPISODES_PER_PAGE, Math.min(episodes.size(), n * EPISODES_PER_PAGE));
		model.addAttribute("episodes", shown);
		model.addAttribute("showGroups", byShow(shown));
		model.addAttribute("page", n);
		model.addAttribute("pages", pages);
		model.addAttribute("quotes", (n == 1) ? this.directory.quotes(speaker, QUOTES) : List.of());
		return SPEAKER_VIEW;
	}

	private static int number(String page) {
		return (page != null && page.strip().matches("\\d{1,6}")) ? Integer.parseInt(page.strip()) : 1;
	}

}
