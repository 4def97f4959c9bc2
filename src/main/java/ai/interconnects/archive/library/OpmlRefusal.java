package ai.interconnects.archive.library;

/**
 * One outline of an OPML file that was not taken, and why, in words the operator can act
 * on.
 *
 * @param line the line of the file the outline starts on
 * @param label what the outline calls itself (its title, text or address), cleaned for
 * display
 * @param reason why it was refused
 */
public record OpmlRefusal(int line, String label, String reason) {

	@Override
	public String toString() {
		return "line " + this.line + " (" + this.label + "): " + this.reason;
	}

}
