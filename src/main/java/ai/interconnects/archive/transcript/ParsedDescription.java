package ai.interconnects.archive.transcript;

import java.util.List;

/**
 * An episode description split into its parts.
 *
 * @param showNotesHtml sanitized HTML of everything that is not chapters or transcript
 * @param summary a short plain-text opening of the show notes
 * @param chapters the chapter list, in feed order
 * @param segments the transcript paragraphs, in order
 * @param skipped lines inside the chapter or transcript sections that were not recognised
 * (kept in the show notes, reported for the operator)
 * @param unusedTimestamps lines of the notes that start with a time but were not taken as
 * chapters (too few, out of order, or beside another list); reported for the operator
 */
public record ParsedDescription(String showNotesHtml, String summary, List<Chapter> chapters, List<Segment> segments,
		List<String> skipped, List<String> unusedTimestamps) {

	/**
	 * A chapter. The end, link and image are only known from a publisher's chapters file
	 * or Podlove chapters; a description's chapter list gives start and title.
	 */
	public record Chapter(int startSeconds, Integer endSeconds, String title, String url, String imageUrl) {

		public Chapter(int startSeconds, String title) {
			this(startSeconds, null, title, null, null);
		}

	}

	/**
	 * A transcript paragraph. A continuation paragraph has no timestamp of its own and
	 * carries the speaker of the turn it continues.
	 */
	public record Segment(Integer startSeconds, Integer endSeconds, String speaker, String text) {

		public Segment(Integer startSeconds, String speaker, String text) {
			this(startSeconds, null, speaker, text);
		}

	}

}
