package ai.interconnects.archive.library;

/**
 * A show an OPML file lists: its feed (an http(s) URL, checked and cleaned), the name the
 * file gives it (a placeholder until the feed's own title is read) and its web page if
 * the file gives a usable one.
 *
 * @param feedUrl the feed's address, http or https
 * @param title the outline's {@code title}, else its {@code text}; {@code null} when it
 * has neither
 * @param htmlUrl the show's web page, or {@code null}
 * @param line the line of the file the outline starts on, for the report
 */
public record OpmlShow(String feedUrl, String title, String htmlUrl, int line) {
}
