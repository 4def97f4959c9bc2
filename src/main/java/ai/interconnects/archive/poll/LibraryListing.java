package ai.interconnects.archive.poll;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import ai.interconnects.archive.LogText;
import ai.interconnects.archive.feed.client.FeedClient;
import ai.interconnects.archive.feed.client.FeedException;
import ai.interconnects.archive.library.OpmlException;
import ai.interconnects.archive.library.OpmlReader;
import ai.interconnects.archive.show.LibraryEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code archive.library.opml} at start-up and at the start of each poll cycle and
 * adds each show it lists that the library does not know (origin OPML). Nothing is ever
 * removed or changed by it, and a show the operator removed is not added again. A file
 * that cannot be read or is refused whole is logged with its reason and changes nothing;
 * an outline refused is logged with its line and reason. The last reading is kept for the
 * admin page.
 */
@Component
public class LibraryListing {

	private static final Logger log = LoggerFactory.getLogger(LibraryListing.class);

	private final LibraryProperties properties;

	private final FeedClient client;

	private final LibraryAdditions additions;

	private final Clock clock;

	private final AtomicReference<Reading> last = new AtomicReference<>();

	LibraryListing(LibraryProperties properties, FeedClient client, LibraryAdditions additions, Clock clock) {
		this.properties = properties;
		this.client = client;
		this.additions = additions;
		this.clock = clock;
	}

	/**
	 * One reading of the list: when, what became of each show it lists (empty when the
	 * file was refused whole), and why it was refused whole (null when it was read).
	 */
	public record Reading(Instant at, String source, List<LibraryAdditions.Addition> additions, String failure) {

		long count(LibraryAdditions.Result result) {
			return this.additions.stream().filter((a) -> a.result() == result).count();
		}

	}

	@EventListener(ApplicationReadyEvent.class)
	void readAtStartup() {
		try {
			read();
		}
		catch (RuntimeException ex) {
			// a database hiccup at start-up: the next poll cycle reads it again
			log.error("Could not read the library list {}: {}", LogText.of(this.properties.opml()),
					LogText.of(ex.getMessage()), ex);
		}
	}

	/** Reads the list now, if one is configured. */
	void read() {
		var source = this.properties.opml();
		if (source == null) {
			return;
		}
		var reader = new OpmlReader(this.properties.limits());
		Reading reading;
		try (var in = open(source)) {
			var report = reader.read(in);
			reading = new Reading(this.clock.instant(), source,
					this.additions.addListed(report, LibraryEntry.Origin.OPML), null);
		}
		catch (OpmlException | IOException | FeedException ex) {
			reading = new Reading(this.clock.instant(), source, List.of(), ex.getMessage());
		}
		log(this.last.getAndSet(reading), reading);
	}

	/** The last reading, empty when no list is configured or it was not read yet. */
	public Optional<Reading> last() {
		return Optional.ofNullable(this.last.get());
	}

	private InputStream open(String source) throws IOException, FeedException {
		if (this.properties.opmlIsFile()) {
			var path = source.substring("file:".length());
			// file:/srv/x.opml, file:///srv/x.opml and file:x.opml (relative) alike
			var file = path.startsWith("//") ? Path.of(URI.create(source)) : Path.of(path);
			return Files.newInputStream(file);
		}
		return new ByteArrayInputStream(this.client.fetch(URI.create(source), null, null).body());
	}

	private static void log(Reading before, Reading now) {
		if (now.failure() != null) {
			// the same refusal every cycle is said once
			if (before == null || !now.failure().equals(before.failure())) {
				log.warn("The library list {} was not read: {}; no show was added from it", LogText.of(now.source()),
						LogText.of(now.failure()));
			}
			return;
		}
		for (var addition : now.additions()) {
			if (addition.result() == LibraryAdditions.Result.REFUSED && before == null) {
				log.warn("The library list {}: line {} ({}) refused: {}", LogText.of(now.source()), addition.line(),
						LogText.of(addition.label()), LogText.of(addition.reason()));
			}
		}
		long added = now.count(LibraryAdditions.Result.ADDED);
		if (added > 0 || before == null) {
			log.info("The library list {}: {} added, {} already there, {} refused", LogText.of(now.source()), added,
					now.count(LibraryAdditions.Result.ALREADY_THERE), now.count(LibraryAdditions.Result.REFUSED));
		}
	}

}
