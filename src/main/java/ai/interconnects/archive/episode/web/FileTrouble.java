package ai.interconnects.archive.episode.web;

/**
 * Why the publisher's transcript file could not be read, told to a reader in a few plain
 * words: the recorded failure (with its addresses and errors) is for the operator's page
 * only, and a file refused for its address is never linked.
 *
 * @param reason what went wrong, as the end of a sentence
 * @param retried whether the archive tries the file again (a refused address is refused
 * again)
 */
public record FileTrouble(String reason, boolean retried) {

	/** The start of the failures {@code FetchTargetPolicy} records. */
	private static final String REFUSED = "Refused to fetch";

	/** The start of the failures of files fetched but not parsed. */
	private static final String UNREADABLE = "Fetched but not readable";

	/** The trouble a recorded failure means; null for no failure. */
	static FileTrouble of(String failure) {
		if (failure == null) {
			return null;
		}
		if (failure.startsWith(REFUSED)) {
			return new FileTrouble("its address is not a public web address", false);
		}
		if (failure.startsWith(UNREADABLE)) {
			return new FileTrouble("the file is not in a form the archive can read", true);
		}
		return new FileTrouble("the file could not be downloaded", true);
	}

}
