package ai.interconnects.archive.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import ai.interconnects.archive.search.meaning.MeaningSearch;
import ai.interconnects.archive.web.TimeCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;

/**
 * "More like this" for the episode page: the episodes nearest in meaning, each with the
 * topic they share with it made visible (their chapter, or their paragraph, closest to
 * the episode's subject).
 */
@Service
public class RelatedEpisodes {

	/** Related episodes listed on an episode page. */
	static final int COUNT = 4;

	private final MeaningSearch meaning;

	private final JdbcClient jdbc;

	RelatedEpisodes(MeaningSearch meaning, JdbcClient jdbc) {
		this.meaning = meaning;
		this.jdbc = jdbc;
	}

	/**
	 * A related episode.
	 *
	 * @param topicLabel "Chapter", "At 12:34" or "Show notes"
	 * @param topicText the chapter title or the start of the paragraph
	 * @param topicLink where the topic is (the chapter's page, the moment)
	 */
	public record Related(String slug, String title, String topicLabel, String topicText, String topicLink) {

		public String link() {
			return path(this.slug);
		}

	}

	/** The episodes related to the one with this slug; none while it has no vectors. */
	@Transactional(readOnly = true)
	public List<Related> of(String slug) {
		var id = this.jdbc.sql("select id from episode where slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.optional();
		var related = new ArrayList<Related>();
		if (id.isEmpty()) {
			return related;
		}
		for (var r : this.meaning.related(id.get(), COUNT)) {
			var topic = r.topic();
			var row = this.jdbc
				.sql("""
						select e.slug, e.title, e.show_notes_html,
						    (select c.title from chapter c where c.episode_id = e.id and c.position = :position) as chapter,
						    (select count(*) from chapter c where c.episode_id = e.id and c.position <= :position) as number,
						    (select s.text from transcript_segment s where s.episode_id = e.id and s.position = :position) as text,
						    (select s.start_seconds from transcript_segment s
						     where s.episode_id = e.id and s.position <= :position and s.start_seconds is not null
						     order by s.position desc limit 1) as seconds
						from episode e where e.id = :id
						""")
				.param("id", r.episodeId())
				.param("position", (topic != null) ? topic.position() : -1)
				.query((rs, n) -> related(rs.getString("slug"), rs.getString("title"), topic, rs.getString("chapter"),
						rs.getInt("number"), rs.getString("text"), (Integer) rs.getObject("seconds"),
						rs.getString("show_notes_html")))
				.optional();
			row.ifPresent(related::add);
		}
		return related;
	}

	private static Related related(String slug, String title, MeaningSearch.MomentHit topic, String chapter, int number,
			String text, Integer seconds, String notes) {
		if (topic == null) {
			return new Related(slug, title, null, null, null);
		}
		return switch (topic.kind()) {
			case CHAPTER -> new Related(slug, title, "Chapter", chapter, path(slug) + "/chapters/" + number);
			case SEGMENT -> new Related(slug, title, (seconds != null) ? "At " + TimeCode.format(seconds) : "",
					HybridPage.excerpt(text), (seconds != null) ? path(slug) + "?t=" + seconds : path(slug));
			case NOTES -> {
				var paragraphs = MeaningSearch.notesParagraphs(notes);
				yield new Related(slug, title, "Show notes", (topic.position() < paragraphs.size())
						? HybridPage.excerpt(paragraphs.get(topic.position())) : "", path(slug));
			}
			case TITLE -> new Related(slug, title, null, null, null);
		};
	}

	static String path(String slug) {
		return "/episodes/" + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
	}

}
