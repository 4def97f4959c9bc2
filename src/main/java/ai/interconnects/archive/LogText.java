package ai.interconnects.archive;

/**
 * Text from outside (feed titles and URLs, exception messages quoting them, usernames)
 * made safe for a log line: CR, LF and every other control character are escaped, so a
 * value can never end the line and forge the next one, and its length is bounded.
 * <p>
 * Use it for each such argument: {@code log.info("… '{}'", LogText.of(item.title()))}.
 * (The JSON formats of {@code logging.structured.format.console} escape by themselves;
 * this keeps the plain-text console honest too.)
 */
public final class LogText {

	static final int MAX_LENGTH = 500;

	private LogText() {
	}

	/**
	 * The value as one printable line: {@code \n}, {@code \r}, {@code \t},
	 * {@code \\uXXXX}.
	 */
	public static String of(Object value) {
		if (value == null) {
			return "null";
		}
		var text = value.toString();
		var out = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 16);
		for (int i = 0; i < text.length(); i++) {
			if (out.length() >= MAX_LENGTH) {
				out.append("…(").append(text.length()).append(" chars)");
				break;
			}
			char c = text.charAt(i);
			switch (c) {
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
