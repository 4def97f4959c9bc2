package ai.interconnects.archive.transcript;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /speakers}: the people who speak in the archive; {@code /speakers/{slug}}: the
 * episodes one of them speaks in, with the first lines of their turns. Speakers come from
 * the transcripts' labels, so a name spelled two ways is two speakers.
 */
@Controller
class SpeakerController {

	static final String LIST_VIEW = "speakers/index";

	static final String SPEAKER_VIEW = "speakers/show";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private final SpeakerRepository speakers;

	SpeakerController(SpeakerRepository speakers) {
		this.speakers = speakers;
	}

	record SpeakerLink(String name, String slug, long episodes, long turns) {
	}

	record Turn(int startSeconds, String time, String firstLine, String anchor) {
	}

	record SpeakerEpisode(String slug, String title, String date, String isoDate, long turns, List<Turn> shown) {

		public long more() {
			return this.turns - this.shown.size();
		}

	}

	@GetMapping("/speakers")
	String speakers(Model model) {
		model.addAttribute("speakers",
				this.speakers.speakers()
					.stream()
					.map((row) -> new SpeakerLink(row.name(), Speakers.slug(row.name()), row.episodes(), row.turns()))
					.toList());
		return LIST_VIEW;
	}

	@GetMapping("/speakers/{slug}")
	String speaker(@PathVariable String slug, Model model) {
		var speaker = this.speakers.speakers()
			.stream()
			.filter((row) -> slug.equals(Speakers.slug(row.name())))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No speaker " + slug));
		var episodes = new LinkedHashMap<Long, List<SpeakerRepository.TurnRow>>();
		for (var row : this.speakers.turns(speaker.name())) {
			episodes.computeIfAbsent(row.episodeId(), (id) -> new ArrayList<>()).add(row);
		}
		var views = new ArrayList<SpeakerEpisode>(episodes.size());
		for (var rows : episodes.values()) {
			var head = rows.get(0);
			var turns = rows.stream()
				.filter((row) -> row.startSeconds() != null)
				.map((row) -> new Turn(row.startSeconds(), Timestamps.format(row.startSeconds()), firstLine(row.text()),
						"t-" + row.startSeconds()))
				.toList();
			var date = (head.publishedAt() != null) ? head.publishedAt().atZoneSameInstant(ZoneOffset.UTC) : null;
			views.add(new SpeakerEpisode(head.slug(), head.title(), (date != null) ? DATE.format(date) : null,
					(date != null) ? date.toLocalDate().toString() : null, head.turnsInEpisode(), turns));
		}
		model.addAttribute("speaker", new SpeakerLink(speaker.name(), slug, speaker.episodes(), speaker.turns()));
		model.addAttribute("episodes", views);
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
