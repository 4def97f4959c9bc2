package ai.interconnects.archive.episode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's removal of a show's content: deletes its episodes, and with them (by the
 * foreign keys' cascades) their chapters, transcript segments, persons, files, revisions
 * and search rows. The {@code podcast} row stays as the tombstone (see
 * {@code LibraryEntry}); only an explicit, confirmed operator action calls this.
 */
@Component
public class ShowRemoval {

	private final JdbcClient jdbc;

	ShowRemoval(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Deletes every episode of show {@code podcastId}, in one transaction.
	 * @return how many episodes were deleted
	 */
	@Transactional
	public int deleteEpisodesOf(long podcastId) {
		return this.jdbc.sql("delete from episode where podcast_id = :podcast").param("podcast", podcastId).update();
	}

}
