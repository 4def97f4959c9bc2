package ai.interconnects.archive.web;

/**
 * The show the site archives, as its feed describes it: the site's name, description,
 * artwork and footer. Before the first poll (or for a feed that names nothing) the
 * archive of Interconnects, the default feed, reads as it always has, and the archive of
 * any other feed reads as a podcast archive without a name, never as Interconnects.
 *
 * @param showTitle the podcast's title
 * @param showLink the podcast's web page, or null
 * @param author who makes it
 * @param description the feed's description of the show (plain text)
 * @param imageUrl the show's artwork
 * @param copyright the feed's copyright line
 */
public record Site(String showTitle, String showLink, String author, String description, String imageUrl,
		String copyright) {

	public static final Site INTERCONNECTS = new Site("Interconnects", "https://www.interconnects.ai/podcast",
			"Nathan Lambert", null, null, null);

	/** Another feed's archive before its first poll: nothing of Interconnects. */
	public static final Site UNNAMED = new Site("Podcast", null, null, null, null, null);

	/** "Interconnects archive". */
	public String name() {
		return this.showTitle + " archive";
	}

}
