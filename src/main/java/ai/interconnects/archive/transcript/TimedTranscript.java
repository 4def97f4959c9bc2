package ai.interconnects.archive.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * A transcript as cues with a start and an end, which subtitle formats need but the feed
 * does not give: a paragraph has only its start, and a continuation paragraph not even
 * that.
 * <p>
 * The rules, in order: a cue ends where the next timed paragraph starts. A timed
 * paragraph followed by untimed continuations shares its time span with them, in
 * proportion to their lengths (so a cue's text is on screen about as long as it takes to
 * say it). The last cue ends at the episode's end when that is known and later, else
 * after an estimate of its reading time. Paragraphs before the first timestamp start at
 * 0. A cue always lasts at least a tenth of a second; times are in milliseconds.
 * <p>
 * The reading pages use the same estimates ({@link #startSeconds}), so that a link to
 * 12:34 lands on the paragraph the subtitle files show at 12:34.
 */
public final class TimedTranscript {

	/**
	 * Words per second of speech, for the last cue when the episode length is unknown.
	 */
	private static final double CHARACTERS_PER_SECOND = 15.0;

	private static final long MINIMUM_MILLIS = 100;

	private TimedTranscript() {
	}

	/** A stored paragraph: {@code startSeconds} null for a continuation. */
	public record Segment(Integer startSeconds, String speaker, String text) {
	}

	/** A paragraph with its computed times, in milliseconds. */
	public record Cue(long startMillis, long endMillis, String speaker, String text) {
	}

	/**
	 * Where each paragraph starts, in whole seconds: a timed paragraph at its own
	 * timestamp, a continuation (or a paragraph before the first timestamp) where its cue
	 * starts.
	 */
	public static int[] startSeconds(List<Segment> segments, Integer durationSeconds) {
		var cues = cues(segments, durationSeconds);
		var starts = new int[cues.size()];
		for (int i = 0; i < starts.length; i++) {
			var own = segments.get(i).startSeconds();
			starts[i] = (own != null) ? own : (int) (cues.get(i).startMillis() / 1000);
		}
		return starts;
	}

	public static List<Cue> cues(List<Segment> segments, Integer durationSeconds) {
		int count = segments.size();
		var cues = new ArrayList<Cue>(count);
		int i = 0;
		while (i < count) {
			// a run: one timed paragraph (or the untimed start) and its continuations
			int runEnd = i + 1;
			while (runEnd < count && segments.get(runEnd).startSeconds() == null) {
				runEnd++;
			}
			long start = (segments.get(i).startSeconds() != null) ? segments.get(i).startSeconds() * 1000L
					: (cues.isEmpty() ? 0 : cues.get(cues.size() - 1).endMillis());
			long end;
			if (runEnd < count) {
				end = segments.get(runEnd).startSeconds() * 1000L;
			}
			else {
				long spoken = Math.round(1000 * characters(segments, i, runEnd) / CHARACTERS_PER_SECOND);
				long episodeEnd = (durationSeconds != null) ? durationSeconds * 1000L : 0;
				end = (episodeEnd > start) ? episodeEnd : start + spoken;
			}
			end = Math.max(end, start + MINIMUM_MILLIS * (runEnd - i));
			long total = Math.max(1, characters(segments, i, runEnd));
			long at = start;
			long done = 0;
			for (int j = i; j < runEnd; j++) {
				var segment = segments.get(j);
				done += length(segment);
				long cueEnd = (j == runEnd - 1) ? end : start + (end - start) * done / total;
				cueEnd = Math.max(cueEnd, at + MINIMUM_MILLIS);
				cues.add(new Cue(at, cueEnd, segment.speaker(), segment.text()));
				at = cueEnd;
			}
			i = runEnd;
		}
		return cues;
	}

	private static long characters(List<Segment> segments, int from, int to) {
		long total = 0;
		for (int j = from; j < to; j++) {
			total += length(segments.get(j));
		}
		return total;
	}

	private static int length(Segment segment) {
		return Math.max(1, (segment.text() != null) ? segment.text().length() : 0);
	}

}
