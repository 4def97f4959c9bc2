package ai.interconnects.archive.web;

/**
 * The show the site archives, as its feed describes it: the site's name, description,
 * artwork and footer. Before the first poll (or for a feed that names nothing) the
 * archive of Interconnects, the default feed, reads as it always has.
 *
 * @param showTitle the podcast's title
 * @param showLink the podcast's web page
 * @param author who makes it
 * @param description the feed's description of the show (plain text)
 * @param imageUrl the show's artwork
 * @param copyright the feed's copyright line
 */
public record Site(String showTitle, String showLink, String author, String description, String imageUrl,
		String copyright) {

	static final Site INTERCONNECTS = new Site("Interconnects", "https://www.interconnects.ai/podcast",
			"Nathan Lambert", null, null, null);

	/** "Interconnects archive". */
	public String name() {
		return this.showTitle + " archive";
	}

}
