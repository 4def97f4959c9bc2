package ai.interconnects.archive.episode;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * On which shows of a library each voice is heard: the speakers of the transcripts and
 * the people the feeds credit ({@code podcast:person}), for the list of speakers. One
 * statement however many shows there are.
 */
@Service
@Transactional(readOnly = true)
public class SpeakerShows {

	private final JdbcClient jdbc;

	SpeakerShows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A name (as a transcript or a feed writes it) heard or credited on a show. */
	public record VoiceShow(String name, ShowCatalog.ShowRef show) {
	}

	/**
	 * Every name with each visible show it is heard or credited on, shows oldest first.
	 */
	public List<VoiceShow> all() {
		return this.jdbc.sql("""
				select v.name, p.id, p.slug, p.title
				from (
				    select s.speaker as name, e.podcast_id
				    from episode_speaker s
				    join episode e on e.id = s.episode_id
				    union
				    select c.name, e.podcast_id
				    from episode_person c join episode e on e.id = c.episode_id
				) v join podcast p on p.id = v.podcast_id
				where p.title is not null and p.removed_at is null and p.slug is not null
				order by p.id, v.name""")
			.query((rs, n) -> new VoiceShow(rs.getString("name"),
					new ShowCatalog.ShowRef(rs.getLong("id"), rs.getString("slug"), rs.getString("title"))))
			.list();
	}

}
