package ai.interconnects.archive.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import ai.interconnects.archive.transcript.ParsedDescription.Segment;

/**
 * Joins the short pieces of a timed transcript (single words in JSON files, two-line
 * captions in VTT and SRT) into readable paragraphs: a paragraph is one speaker's turn,
 * cut at a sentence end once it is long enough, or at a pause.
 */
final class Turns {

	/** A paragraph ends at the first sentence end after this many characters. */
	static final int PARAGRAPH = 400;

	/** A paragraph is cut regardless beyond this. */
	static final int MAX_PARAGRAPH = 2000;

	/** A silence this long (seconds) between pieces starts a new paragraph. */
	static final int PAUSE = 4;

	private static final Pattern SENTENCE_END = Pattern.compile(".*[.?!…][\"'”’)]*$", Pattern.DOTALL);

	private static final Pattern NO_SPACE_BEFORE = Pattern.compile("^[.,;:?!…%)\\]}'’”-].*", Pattern.DOTALL);

	private Turns() {
	}

	static List<Segment> merge(List<Segment> pieces) {
		var result = new ArrayList<Segment>();
		Integer start = null;
		Integer end = null;
		Integer last = null;
		String speaker = null;
		var text = new StringBuilder();
		for (var piece : pieces) {
			if (piece.text().isBlank()) {
				continue;
			}
			boolean speakerChanged = piece.speaker() != null && !Objects.equals(piece.speaker(), speaker);
			boolean paused = last != null && piece.startSeconds() != null && piece.startSeconds() - last >= PAUSE;
			boolean longEnough = text.length() >= PARAGRAPH && SENTENCE_END.matcher(text).matches();
			if (!text.isEmpty() && (speakerChanged || paused || longEnough || text.length() >= MAX_PARAGRAPH)) {
				result.add(new Segment(start, end, speaker, text.toString()));
				text.setLength(0);
				start = null;
			}
			if (text.isEmpty()) {
				start = piece.startSeconds();
			}
			else if (!NO_SPACE_BEFORE.matcher(piece.text()).matches()) {
				text.append(' ');
			}
			text.append(piece.text().strip());
			if (piece.speaker() != null) {
				speaker = piece.speaker();
			}
			end = piece.endSeconds();
			last = (piece.endSeconds() != null) ? piece.endSeconds() : piece.startSeconds();
		}
		if (!text.isEmpty()) {
			result.add(new Segment(start, end, speaker, text.toString()));
		}
		return result;
	}

}
