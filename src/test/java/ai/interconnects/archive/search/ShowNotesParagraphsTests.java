package ai.interconnects.archive.search;

import java.util.List;

import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notes paragraphs a results page scores and shows: split as search by meaning
 * numbers them, analysed as the stored texts are, and kept only while the stored notes
 * stay the same.
 */
@DatabaseTest
@Import(ShowNotesParagraphs.class)
class ShowNotesParagraphsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ShowNotesParagraphs notes;

	@BeforeEach
	void episodes() {
		DatabaseCleaner.clean(this.jdbc);
		this.jdbc
			.sql("insert into podcast (id, configured_url, feed_url) overriding system value "
					+ "values (1, 'test:notes', 'test:notes')")
			.update();
		episode(1, "<p>Distillation, and <b>distilled</b> models.</p><ul><li>Reward models</li></ul>");
		episode(2, null);
		episode(3, "<p>Open weights.</p>");
	}

	@Test
	void eachParagraphIsAnalysedAsTheDatabaseAnalysesTheStoredText() {
		var paragraphs = this.notes.of(List.of(3L, 1L, 2L));

		assertThat(paragraphs).extracting((p) -> p.episodeId() + ":" + p.position() + ":" + p.text())
			.containsExactly("1:0:Distillation, and distilled models.", "1:1:Reward models", "3:0:Open weights.");
		for (var p : paragraphs) {
			var expected = this.jdbc
				.sql("select v::text || '|' || archive_search_length(v) "
						+ "from to_tsvector('archive_search', archive_search_text(:text)) v")
				.param("text", p.text())
				.query(String.class)
				.single();
			assertThat(p.vector() + "|" + p.length()).isEqualTo(expected);
		}
		assertThat(LexemeCounts.of(paragraphs.get(0).vector(), List.of("distil", "model", "reward"))).containsExactly(2,
				1, 0);
	}

	@Test
	void paragraphsAreKeptWhileTheNotesStayTheSameAndReadAgainWhenTheyChange() {
		var first = this.notes.of(List.of(1L, 3L));
		var again = this.notes.of(List.of(1L, 3L));

		assertThat(again.get(0)).isSameAs(first.get(0));

		this.jdbc.sql("update episode set show_notes_html = '<p>Now about tokenizers.</p>' where id = 1").update();
		var changed = this.notes.of(List.of(1L, 3L));

		assertThat(changed).extracting(ShowNotesParagraphs.Paragraph::text)
			.containsExactly("Now about tokenizers.", "Open weights.");
		assertThat(changed.get(1)).isSameAs(first.get(2));
	}

	@Test
	void theLeastRecentlyAskedForAreDroppedBeyondTheEpisodesOrTheCharactersKept() {
		var oneEpisode = new ShowNotesParagraphs(this.jdbc, 1, 1_000_000);
		var first = oneEpisode.of(List.of(1L));
		assertThat(oneEpisode.of(List.of(1L)).get(0)).isSameAs(first.get(0));
		oneEpisode.of(List.of(3L));

		assertThat(oneEpisode.of(List.of(1L)).get(0)).isNotSameAs(first.get(0)).isEqualTo(first.get(0));

		// episode 1's two paragraphs and their vectors are longer than 40 characters
		var fewCharacters = new ShowNotesParagraphs(this.jdbc, 10, 40);
		var again = fewCharacters.of(List.of(1L, 3L));
		var third = fewCharacters.of(List.of(1L, 3L));

		assertThat(third.get(0)).isNotSameAs(again.get(0)).isEqualTo(again.get(0));
		assertThat(third).hasSize(3);
	}

	private void episode(long id, String notes) {
		this.jdbc.sql("""
				insert into episode (id, podcast_id, guid, slug, title, show_notes_html, content_hash,
				    first_seen_at, last_seen_at, updated_at)
				values (:id, 1, :slug, :slug, :slug, :notes, 'x', now(), now(), now())
				""").param("id", id).param("slug", "e" + id).param("notes", notes).update();
	}

}
