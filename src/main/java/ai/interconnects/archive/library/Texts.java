package ai.interconnects.archive.library;

/** Names from an OPML file made fit to store and to show. */
final class Texts {

	private Texts() {
	}

	/**
	 * The text on one line: control characters dropped, whitespace runs collapsed, cut at
	 * {@code max} characters; {@code null} when nothing is left.
	 */
	static String clean(String value, int max) {
		if (value == null) {
			return null;
		}
		var out = new StringBuilder(Math.min(value.length(), max));
		boolean space = false;
		for (int i = 0; i < value.length() && out.length() < max; i++) {
			char c = value.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				space = out.length() > 0;
			}
			else if (!Character.isISOControl(c) && !isBidiControl(c)) {
				if (space) {
					out.append(' ');
					space = false;
				}
				out.append(c);
			}
		}
		if (out.length() > 0 && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
			out.setLength(out.length() - 1);
		}
		return (out.length() == 0) ? null : out.toString();
	}

	/** Direction overrides and isolates, which could make a name display as another. */
	private static boolean isBidiControl(char c) {
		return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
	}

	/** {@link #clean} for a label in a report: never null. */
	static String label(String value, int max) {
		var clean = clean(value, max);
		return (clean != null) ? clean : "";
	}

}
