package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.transcript.Speakers;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /speakers}: the people who speak in the archive; {@code /speakers/{slug}}: the
 * episodes one of them speaks in, with the first lines of their turns. Speakers come from
 * the transcripts' labels, so a name spelled two ways is two speakers; the feed's
 * {@code podcast:person} tags add roles, links and episodes ({@link SpeakerDirectory}).
 */
@Controller
class SpeakerController {

	static final String LIST_VIEW = "speakers/index";

	static final String SPEAKER_VIEW = "speakers/show";

	private final SpeakerDirectory directory;

	SpeakerController(SpeakerDirectory directory) {
		this.directory = directory;
	}

	@GetMapping("/speakers")
	String speakers(Model model) {
		model.addAttribute("speakers", this.directory.all());
		return LIST_VIEW;
	}

	@GetMapping("/speakers/{slug}")
	String speaker(@PathVariable String slug, Model model) {
		var speaker = this.directory.find(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No speaker " + slug));
		model.addAttribute("speaker", speaker);
		model.addAttribute("episodes", this.directory.episodes(speaker));
		return SPEAKER_VIEW;
	}

	/** The turn's first sentence, or its first 160 characters cut at a word, with "…". */
	static String firstLine(String text) {
		var stripped = text.strip();
		var sentence = stripped.split("(?<=[.?!])\\s+", 2);
		var line = sentence[0];
		if (line.length() <= 160) {
			return (sentence.length > 1) ? line + " …" : line;
		}
		var head = line.substring(0, 159);
		int space = head.lastIndexOf(' ');
		return ((space > 80) ? head.substring(0, space) : head).stripTrailing() + "…";
	}

}
