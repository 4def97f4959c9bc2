package ai.interconnects.archive.library;

import java.util.List;

/**
 * What an OPML file holds: the shows it lists, in the file's order, and every outline
 * that looked like a show but was refused, each with its reason. Nothing is dropped
 * without a line here.
 *
 * @param title the file's {@code head/title}, or {@code null}
 * @param shows the shows to add
 * @param refused the refused outlines
 */
public record OpmlReport(String title, List<OpmlShow> shows, List<OpmlRefusal> refused) {

	public OpmlReport {
		shows = List.copyOf(shows);
		refused = List.copyOf(refused);
	}

	/** One line for a log or a flash message: "12 shows, 2 refused". */
	public String summary() {
		return this.shows.size() + ((this.shows.size() == 1) ? " show" : " shows") + ", " + this.refused.size()
				+ " refused";
	}

}
