package ai.interconnects.archive.episode;

import java.util.List;

import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The speakers of each episode ({@code episode_speaker}, V15) follow its transcript
 * whatever writes it, recounted when the writing transaction commits: the speaker pages
 * read them instead of every segment of the archive.
 */
@DatabaseTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class SpeakerStatisticsTests {

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
		this.jdbc
			.sql("insert into podcast (id, configured_url, feed_url, title) overriding system value "
					+ "values (1, 'test:', 'test:', 'Show')")
			.update();
		for (int id = 1; id <= 2; id++) {
			this.jdbc.sql("""
					insert into episode (id, podcast_id, guid, slug, title, content_hash, first_seen_at,
					    last_seen_at, updated_at)
					values (?, 1, ?, ?, 'Episode', 'x', now(), now(), now())""")
				.params(id, "g" + id, "episode-" + id)
				.update();
		}
	}

	/** Segments 10 s apart, the first one untimed. */
	private void segments(long episode, String... speakers) {
		for (int position = 0; position < speakers.length; position++) {
			this.jdbc
				.sql("insert into transcript_segment (episode_id, position, start_seconds, speaker, text) "
						+ "values (?, ?, ?, ?, ?)")
				.params(episode, position, (position == 0) ? null : position * 10, speakers[position],
						"words " + position)
				.update();
		}
	}

	private List<String> rows() {
		return this.jdbc
			.sql("select episode_id || ' ' || speaker || ' segments=' || segments || ' turns=' || turns || ' first='"
					+ " || first_position || ' at=' || coalesce(first_start::text, '-') from episode_speaker"
					+ " order by episode_id, speaker")
			.query(String.class)
			.list();
	}

	@Test
	void eachSpeakerIsCountedPerEpisodeWithTurnsAndFirstWords() {
		// an unlabelled segment continues a turn; taking over after it is a new turn
		segments(1, "Nathan", "Dean", null, "Dean", "Nathan", "Nathan");
		segments(2, "Dean");

		assertThat(rows()).containsExactly("1 Dean segments=2 turns=2 first=1 at=10",
				"1 Nathan segments=3 turns=2 first=0 at=-", "2 Dean segments=1 turns=1 first=0 at=-");
	}

	@Test
	void aRelabelledOrDeletedTranscriptIsRecounted() {
		segments(1, "Nathan", "Dean", "Dean");
		segments(2, "Dean");

		this.jdbc.sql("update transcript_segment set speaker = 'Dean Ball' where speaker = 'Dean' and episode_id = 1")
			.update();
		assertThat(rows()).containsExactly("1 Dean Ball segments=2 turns=1 first=1 at=10",
				"1 Nathan segments=1 turns=1 first=0 at=-", "2 Dean segments=1 turns=1 first=0 at=-");

		this.jdbc.sql("delete from transcript_segment where episode_id = 1").update();
		this.jdbc.sql("delete from episode where id = 2").update();
		assertThat(rows()).isEmpty();
	}

}
