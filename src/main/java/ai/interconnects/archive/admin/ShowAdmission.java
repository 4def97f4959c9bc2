package ai.interconnects.archive.admin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import ai.interconnects.archive.feed.client.FeedClient;
import ai.interconnects.archive.feed.client.FeedException;
import ai.interconnects.archive.library.FeedAddresses;
import ai.interconnects.archive.library.OpmlException;
import ai.interconnects.archive.library.OpmlReader;
import ai.interconnects.archive.poll.LibraryAdditions;
import ai.interconnects.archive.poll.LibraryProperties;
import ai.interconnects.archive.show.LibraryEntry;

import org.springframework.stereotype.Component;

/**
 * The operator's two ways in for shows: the "Add a show" form (the address is fetched
 * once through the feed client and must read as a feed) and the OPML upload (every
 * outline reported: added, already there, or refused with its reason).
 */
@Component
class ShowAdmission {

	private final FeedClient client;

	private final LibraryAdditions additions;

	private final LibraryProperties library;

	ShowAdmission(FeedClient client, LibraryAdditions additions, LibraryProperties library) {
		this.client = client;
		this.additions = additions;
		this.library = library;
	}

	/** Adds (or restores) the show at {@code raw}; the message says what happened. */
	String addShow(String raw) {
		var checked = FeedAddresses.check(raw);
		if (!checked.ok()) {
			return "Not added: " + checked.refusal() + ".";
		}
		String title;
		try {
			var fetched = this.client.fetch(URI.create(checked.url()), null, null);
			var parsed = this.client.parse(fetched.body(), fetched.contentType());
			title = parsed.title();
		}
		catch (FeedException ex) {
			return "Not added: " + checked.url() + " is not a podcast feed we can read (" + ex.getMessage() + ").";
		}
		var addition = this.additions.addOne(checked.url(), LibraryEntry.Origin.FORM);
		var name = (title != null && !title.isBlank()) ? "\"" + title.strip() + "\"" : checked.url();
		return switch (addition.result()) {
			case ADDED -> "Added " + name + "; it is polled within a tick.";
			case RESTORED -> "Restored " + name + " to the library; its next poll reads the feed again.";
			default -> "Not added: " + addition.reason() + ".";
		};
	}

	/**
	 * Reads an uploaded OPML file and adds the shows it lists.
	 * @throws OpmlException when the file is refused whole (nothing is added then)
	 */
	List<LibraryAdditions.Addition> addListed(InputStream in) throws OpmlException, IOException {
		var report = new OpmlReader(this.library.limits()).read(in);
		return this.additions.addListed(report, LibraryEntry.Origin.OPML);
	}

}
