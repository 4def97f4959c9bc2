package ai.interconnects.archive.web;

/**
 * Which show an episode belongs to, as far as its URL is concerned: declared here and
 * answered by the owner of the episodes, so this package reads no feature's table.
 */
public interface ShowOfEpisode {

	/** Whether the archive is a library of several shows (show slugs in episode URLs). */
	boolean library();

	/**
	 * The slug of the show the episode with this slug belongs to, or null for an unknown
	 * episode (episode slugs are unique across the whole archive).
	 */
	String showSlug(String episodeSlug);

}
