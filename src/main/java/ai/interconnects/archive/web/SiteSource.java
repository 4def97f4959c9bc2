package ai.interconnects.archive.web;

import java.util.Optional;

/**
 * Where the site's description comes from: the owner of the shows declares it, so this
 * package names no feature's table. {@link CurrentSite} keeps the last answer and what to
 * say before there is one.
 */
public interface SiteSource {

	/**
	 * The show as its feed last described it (title, link, author, description as the
	 * feed wrote it, artwork, copyright), or empty before a poll has read one.
	 */
	Optional<Site> read();

}
