package ai.interconnects.archive.search;

import java.util.ArrayList;
import java.util.List;

import ai.interconnects.archive.search.meaning.MeaningSearch;
import ai.interconnects.archive.web.TimeCode;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /search/similar?episode={slug}&p={position}}: the moments of other episodes
 * closest in meaning to one transcript paragraph ("Similar moments" in a paragraph's
 * share menu). An unknown episode or paragraph is a 404; a paragraph without a vector yet
 * says so.
 */
@Controller
class SimilarMomentsController {

	static final int COUNT = 10;

	private final MeaningSearch meaning;

	private final HybridMoments moments;

	private final ShowNotesParagraphs notesParagraphs;

	private final JdbcClient jdbc;

	private final ShowScope shows;

	SimilarMomentsController(MeaningSearch meaning, HybridMoments moments, ShowNotesParagraphs notesParagraphs,
			JdbcClient jdbc, ShowScope shows) {
		this.notesParagraphs = notesParagraphs;
		this.shows = shows;
		this.meaning = meaning;
		this.moments = moments;
		this.jdbc = jdbc;
	}

	/** The paragraph the page starts from. */
	record Source(String slug, String title, String speaker, String time, String text, String link) {
	}

	/** A similar moment, with its episode. */
	record Item(String slug, String title, SearchResults.Moment moment, String label) {
	}

	private record Paragraph(long episodeId, String title, String speaker, Integer start, Integer seconds,
			String text) {
	}

	@GetMapping("/search/similar")
	@Transactional(readOnly = true)
	String similar(@RequestParam(required = false) String episode, @RequestParam(required = false) String p,
			Model model) {
		int position = parse(p);
		var paragraph = this.jdbc.sql("""
				select e.id, e.title, s.speaker, s.text, s.start_seconds,
				    (select t.start_seconds from transcript_segment t
				     where t.episode_id = e.id and t.position <= s.position and t.start_seconds is not null
				     order by t.position desc limit 1) as seconds
				from episode e join transcript_segment s on s.episode_id = e.id
				where e.slug = :slug and s.position = :position
				""")
			.param("slug", (episode != null) ? episode : "")
			.param("position", position)
			.query((rs, n) -> new Paragraph(rs.getLong("id"), rs.getString("title"), rs.getString("speaker"),
					(Integer) rs.getObject("start_seconds"), (Integer) rs.getObject("seconds"), rs.getString("text")))
			.optional()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such paragraph"));
		var path = RelatedEpisodes.path(episode);
		var time = (paragraph.seconds() != null) ? TimeCode.format(paragraph.seconds()) : null;
		var anchor = (paragraph.start() != null) ? "#t-" + paragraph.start() : "#p-" + position;
		model.addAttribute("source", new Source(episode, paragraph.title(), paragraph.speaker(), time, paragraph.text(),
				path + "/transcript" + ((paragraph.seconds() != null) ? "?t=" + paragraph.seconds() : "") + anchor));
		var hits = this.meaning.similar(paragraph.episodeId(),
				ai.interconnects.archive.search.meaning.MomentKind.SEGMENT, position, COUNT);
		model.addAttribute("items", items(hits));
		model.addAttribute("available", this.meaning.covers(paragraph.episodeId()));
		return "search-similar";
	}

	private List<Item> items(List<MeaningSearch.MomentHit> hits) {
		var shown = new ArrayList<HybridMoments.Shown>();
		for (var hit : hits) {
			shown.add(new HybridMoments.Shown(hit.episodeId(), MomentKind.valueOf(hit.kind().name()), hit.position(),
					false));
		}
		var ids = hits.stream().map(MeaningSearch.MomentHit::episodeId).distinct().toList();
		var rows = this.moments.shown(shown, List.of(), ShowNotesParagraphs.texts(this.notesParagraphs.of(ids)));
		var episodes = this.moments.episodes(ids);
		var items = new ArrayList<Item>();
		var names = this.shows.names();
		for (var moment : shown) {
			var row = rows.get(moment);
			var info = episodes.get(moment.episodeId());
			if (row == null || info == null) {
				continue;
			}
			var result = ResultEpisodes.moment(info.slug(), ResultEpisodes.showSlug(names, info.showId()),
					HybridPage.row(moment, row, 1), SearchResults.Match.MEANING);
			items.add(new Item(info.slug(), info.title(), result, label(result)));
		}
		return items;
	}

	private static String label(SearchResults.Moment moment) {
		return switch (moment.kind()) {
			case TITLE -> "Episode title";
			case NOTES -> "Show notes";
			case CHAPTER -> "Chapter";
			case SEGMENT -> (moment.speaker() != null) ? moment.speaker() : "Transcript";
		};
	}

	private static int parse(String position) {
		try {
			return (position != null) ? Integer.parseInt(position.strip()) : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
