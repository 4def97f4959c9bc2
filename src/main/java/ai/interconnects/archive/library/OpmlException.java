package ai.interconnects.archive.library;

/**
 * A whole OPML file refused before any show in it is taken: not XML, a DOCTYPE, too
 * large, too many outlines, nested too deep, or not OPML. The message says which, for the
 * operator.
 */
public class OpmlException extends Exception {

	OpmlException(String message) {
		super(message);
	}

}
