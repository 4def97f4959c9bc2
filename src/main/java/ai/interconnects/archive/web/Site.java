package ai.interconnects.archive.web;

/**
 * The show the site archives, as its feed describes it: the site's name, description,
 * artwork and footer. Before the first poll (or for a feed that names nothing) the
 * archive of Interconnects, the default feed, reads as it always has, and the archive of
 * any other feed reads as a podcast archive without a name, never as Interconnects. A
 * library of several shows is named for none of them ({@link #library}).
 *
 * @param showTitle the podcast's title (the library's name in a library)
 * @param showLink the podcast's web page, or null
 * @param author who makes it
 * @param description the feed's description of the show (plain text)
 * @param imageUrl the show's artwork
 * @param copyright the feed's copyright line
 * @param name the site's name: {@code archive.site.name}, else "<i>Show</i> archive"
 * @param library whether the archive holds several shows
 */
public record Site(String showTitle, String showLink, String author, String description, String imageUrl,
		String copyright, String name, boolean library) {

	/** The name of a library when {@code archive.site.name} gives none. */
	public static final String LIBRARY_NAME = "Podcast library";

	public static final Site INTERCONNECTS = new Site("Interconnects", "https://www.interconnects.ai/podcast",
			"Nathan Lambert", null, null, null);

	/** Another feed's archive before its first poll: nothing of Interconnects. */
	public static final Site UNNAMED = new Site("Podcast", null, null, null, null, null);

	/** One show's site, named "<i>Show</i> archive". */
	public Site(String showTitle, String showLink, String author, String description, String imageUrl,
			String copyright) {
		this(showTitle, showLink, author, description, imageUrl, copyright, showTitle + " archive", false);
	}

	/** A library's site: named {@code name}, and nothing of any one show. */
	public static Site library(String name) {
		return new Site(name, null, null, null, null, null, name, true);
	}

	/** The same site under the operator's name for it, if one is given. */
	Site named(String operatorName) {
		if (operatorName == null || operatorName.isBlank()) {
			return this;
		}
		return new Site(this.showTitle, this.showLink, this.author, this.description, this.imageUrl, this.copyright,
				operatorName.strip(), this.library);
	}

}
