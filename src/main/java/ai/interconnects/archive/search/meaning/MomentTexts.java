package ai.interconnects.archive.search.meaning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The text of each moment of an episode, as it is embedded: the title, each chapter
 * title, each show-notes paragraph ({@link NotesParagraphs}) and each transcript
 * paragraph, where a short paragraph borrows from its neighbours in the same turn so that
 * "Right, exactly." still says what it agrees with. Read with this package's own
 * statements over the content tables (search keeps its own SQL).
 */
@Repository
class MomentTexts {

	/** A transcript paragraph shorter than this (in words) borrows context. */
	static final int MIN_WORDS = 30;

	private final JdbcClient jdbc;

	MomentTexts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One moment's text, and the SHA-256 of it that its vector is stored with. */
	record Moment(MomentKind kind, int position, String text, byte[] hash) {

		Moment(MomentKind kind, int position, String text) {
			this(kind, position, text, sha256(text));
		}

	}

	/** A transcript paragraph; {@code speaker} is null for a continuation. */
	record Paragraph(int position, String speaker, String text) {
	}

	/** Every moment of the episode, or none when it does not exist. */
	List<Moment> of(long episodeId) {
		var moments = new ArrayList<Moment>();
		var episode = this.jdbc.sql("select title, show_notes_html from episode where id = :id")
			.param("id", episodeId)
			.query((rs, n) -> new String[] { rs.getString("title"), rs.getString("show_notes_html") })
			.optional();
		if (episode.isEmpty()) {
			return moments;
		}
		moments.add(new Moment(MomentKind.TITLE, 0, episode.get()[0]));
		this.jdbc.sql("select position, title from chapter where episode_id = :id order by position")
			.param("id", episodeId)
			.query((rs, n) -> new Moment(MomentKind.CHAPTER, rs.getInt("position"), rs.getString("title")))
			.list()
			.forEach(moments::add);
		var notes = NotesParagraphs.of(episode.get()[1]);
		for (int i = 0; i < notes.size(); i++) {
			moments.add(new Moment(MomentKind.NOTES, i, notes.get(i)));
		}
		var paragraphs = this.jdbc
			.sql("select position, speaker, text from transcript_segment where episode_id = :id order by position")
			.param("id", episodeId)
			.query((rs, n) -> new Paragraph(rs.getInt("position"), rs.getString("speaker"), rs.getString("text")))
			.list();
		for (int i = 0; i < paragraphs.size(); i++) {
			moments.add(new Moment(MomentKind.SEGMENT, paragraphs.get(i).position(), withContext(paragraphs, i)));
		}
		return moments;
	}

	/**
	 * The paragraph, and when it is short the paragraphs around it in the same turn (the
	 * one before, then the one after, and so on) until the words reach
	 * {@link #MIN_WORDS}. A paragraph without a speaker continues the turn before it.
	 */
	static String withContext(List<Paragraph> paragraphs, int index) {
		var own = paragraphs.get(index);
		int words = words(own.text());
		int first = index;
		int last = index;
		boolean more = true;
		while (words < MIN_WORDS && more) {
			more = false;
			if (first > 0 && sameTurn(paragraphs, first - 1, first)) {
				first--;
				words += words(paragraphs.get(first).text());
				more = true;
			}
			if (words < MIN_WORDS && last + 1 < paragraphs.size() && sameTurn(paragraphs, last, last + 1)) {
				last++;
				words += words(paragraphs.get(last).text());
				more = true;
			}
		}
		var text = new StringBuilder();
		for (int i = first; i <= last; i++) {
			if (!text.isEmpty()) {
				text.append(' ');
			}
			text.append(paragraphs.get(i).text().strip());
		}
		return text.toString();
	}

	/** Whether paragraph {@code b} (right after {@code a}) is in the same turn. */
	private static boolean sameTurn(List<Paragraph> paragraphs, int a, int b) {
		var next = paragraphs.get(b).speaker();
		return next == null || Objects.equals(speaker(paragraphs, a), next);
	}

	/** Who speaks in paragraph {@code i}: a continuation's speaker is its turn's. */
	private static String speaker(List<Paragraph> paragraphs, int i) {
		for (int j = i; j >= 0; j--) {
			if (paragraphs.get(j).speaker() != null) {
				return paragraphs.get(j).speaker();
			}
		}
		return null;
	}

	static int words(String text) {
		var stripped = text.strip();
		return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
	}

	static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
