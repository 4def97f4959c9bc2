package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.transcript.TranscriptFormats;

import ai.interconnects.archive.transcript.TimedTranscript;

import ai.interconnects.archive.show.Shows;

import ai.interconnects.archive.episode.EpisodeSummary;

import ai.interconnects.archive.episode.EpisodeCatalog;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.interconnects.archive.web.ConditionalGet;
import ai.interconnects.archive.web.PublicUrl;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * An episode's transcript and chapters as files for podcast apps, subtitle players and
 * notes: {@code transcript.vtt}, {@code transcript.srt}, {@code transcript.json},
 * {@code transcript.txt} and {@code chapters.json}. An episode without a transcript (or
 * without chapters) answers 404, which a browser sees as the friendly "not found" page.
 * <p>
 * No {@code produces} on the mappings: a browser asking for HTML must still get the file,
 * or the HTML 404 page, rather than a 406.
 */
@Controller
class TranscriptFileController {

	static final MediaType VTT = new MediaType("text", "vtt", StandardCharsets.UTF_8);

	static final MediaType SRT = new MediaType("application", "x-subrip", StandardCharsets.UTF_8);

	static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	/** What the Podcasting 2.0 chapters specification asks the file to be served as. */
	static final MediaType CHAPTERS = new MediaType("application", "json+chapters", StandardCharsets.UTF_8);

	private final EpisodeCatalog catalog;

	private final Shows shows;

	private final JsonMapper json;

	private final PublicUrl publicUrl;

	TranscriptFileController(EpisodeCatalog catalog, Shows shows, JsonMapper json, PublicUrl publicUrl) {
		this.publicUrl = publicUrl;
		this.catalog = catalog;
		this.shows = shows;
		this.json = json;
	}

	@GetMapping("/episodes/{slug}/transcript.vtt")
	ResponseEntity<byte[]> vtt(@PathVariable String slug, WebRequest request) {
		var transcript = transcript(slug);
		return ConditionalGet.respond(request, VTT,
				TranscriptFormats.vtt(transcript.cues(), transcript.episode().title()),
				transcript.episode().updatedAt());
	}

	@GetMapping("/episodes/{slug}/transcript.srt")
	ResponseEntity<byte[]> srt(@PathVariable String slug, WebRequest request) {
		var transcript = transcript(slug);
		return ConditionalGet.respond(request, SRT, TranscriptFormats.srt(transcript.cues()),
				transcript.episode().updatedAt());
	}

	@GetMapping("/episodes/{slug}/transcript.json")
	ResponseEntity<byte[]> json(@PathVariable String slug, WebRequest request) {
		var transcript = transcript(slug);
		return ConditionalGet.respond(request, MediaType.APPLICATION_JSON,
				TranscriptFormats.json(transcript.cues(), this.json), transcript.episode().updatedAt());
	}

	@GetMapping("/episodes/{slug}/transcript.txt")
	ResponseEntity<byte[]> text(@PathVariable String slug, WebRequest request) {
		var transcript = transcript(slug);
		var episode = transcript.episode();
		return ConditionalGet.respond(request, TEXT,
				TranscriptFormats.text(transcript.segments(), episode.title(), absolute(episode.slug(), "")),
				episode.updatedAt());
	}

	/**
	 * Podcasting 2.0 JSON chapters: {@code version}, {@code chapters[]} with
	 * {@code startTime}, {@code endTime} (only where the source gave one: an end derived
	 * from the next chapter would add nothing a player cannot work out), {@code title}
	 * and {@code url} (the chapter's page here).
	 */
	@GetMapping("/episodes/{slug}/chapters.json")
	ResponseEntity<byte[]> chapters(@PathVariable String slug, WebRequest request) {
		var episode = episode(slug);
		var chapters = this.catalog.chapters(episode.id());
		if (chapters.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Episode " + slug + " has no chapters");
		}
		var document = new LinkedHashMap<String, Object>();
		document.put("version", "1.2.0");
		document.put("title", episode.title());
		var show = this.shows.byId(episode.podcastId());
		if (show.map(Shows.Show::title).isPresent()) {
			document.put("podcastName", show.get().title());
		}
		if (show.map(Shows.Show::author).isPresent()) {
			document.put("author", show.get().author());
		}
		var list = new java.util.ArrayList<Map<String, Object>>(chapters.size());
		for (int i = 0; i < chapters.size(); i++) {
			var chapter = new LinkedHashMap<String, Object>();
			chapter.put("startTime", chapters.get(i).startSeconds());
			if (chapters.get(i).endSeconds() != null) {
				chapter.put("endTime", chapters.get(i).endSeconds());
			}
			chapter.put("title", chapters.get(i).title());
			chapter.put("url", absolute(slug, "/chapters/" + (i + 1)));
			list.add(chapter);
		}
		document.put("chapters", list);
		return ConditionalGet.respond(request, CHAPTERS, this.json.writeValueAsString(document), episode.updatedAt());
	}

	private record Transcript(EpisodeSummary episode, List<TimedTranscript.Segment> segments,
			List<TimedTranscript.Cue> cues) {
	}

	private Transcript transcript(String slug) {
		var episode = episode(slug);
		var segments = this.catalog.segments(episode.id())
			.stream()
			.map((segment) -> new TimedTranscript.Segment(segment.startSeconds(), segment.speaker(), segment.text()))
			.toList();
		if (segments.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Episode " + slug + " has no transcript");
		}
		return new Transcript(episode, segments, TimedTranscript.cues(segments, episode.durationSeconds()));
	}

	private EpisodeSummary episode(String slug) {
		return this.catalog.bySlug(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No episode " + slug));
	}

	private String absolute(String slug, String rest) {
		return this.publicUrl.builder("/episodes/{slug}" + rest).buildAndExpand(slug).toUriString();
	}

}
