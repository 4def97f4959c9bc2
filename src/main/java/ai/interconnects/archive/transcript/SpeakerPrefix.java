package ai.interconnects.archive.transcript;

import java.util.regex.Pattern;

/**
 * A speaker named at the start of a line, as subtitle and text transcripts write it:
 * {@code Dean W. Ball: …}, {@code SPEAKER 1: …}, {@code Nathan Lambert (00:01:02): …} is
 * not a name (the parentheses) and stays text.
 */
final class SpeakerPrefix {

	private static final String WORD = "(?:\\p{Lu}[\\p{L}'’.\\-]*|\\d{1,3}|de|van|von|der|da|di|del|la|le|bin|al)";

	private static final Pattern PREFIX = Pattern
		.compile("^(\\p{Lu}[\\p{L}'’.\\-]*(?:\\s+" + WORD + "){0,4}):\\s+(\\S.*)$", Pattern.DOTALL);

	private SpeakerPrefix() {
	}

	/** The name and the rest of the line, or {@code null} when the line names no one. */
	static String[] split(String line) {
		var matcher = PREFIX.matcher(line);
		return matcher.matches() ? new String[] { matcher.group(1), matcher.group(2).strip() } : null;
	}

}
