package ai.interconnects.archive.poll;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.interconnects.archive.LogText;
import ai.interconnects.archive.library.FeedAddresses;
import ai.interconnects.archive.library.OpmlReport;
import ai.interconnects.archive.show.LibraryEntry;
import ai.interconnects.archive.show.Podcast;
import ai.interconnects.archive.show.PodcastRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Adds shows to the library: from an OPML list ({@code archive.library.opml}, the admin
 * upload) or the admin form. A show is known by its feed (the same-feed key of its
 * configured or current address, see {@link FeedAddresses#sameFeedKey}), so it is added
 * once however often a list names it. A list never restores a removed show (its row is
 * the tombstone that says the operator removed it); only the form does.
 */
@Component
public class LibraryAdditions {

	private static final Logger log = LoggerFactory.getLogger(LibraryAdditions.class);

	private final PodcastRepository podcasts;

	private final Clock clock;

	LibraryAdditions(PodcastRepository podcasts, Clock clock) {
		this.podcasts = podcasts;
		this.clock = clock;
	}

	/** What became of one show offered to the library. */
	public enum Result {

		ADDED, ALREADY_THERE, RESTORED, REFUSED

	}

	/**
	 * One outline or address and what became of it.
	 *
	 * @param line the OPML line, 0 for the form
	 * @param reason why it was refused or not added, null when it was
	 */
	public record Addition(int line, String label, String feedUrl, Result result, String reason) {
	}

	/**
	 * Adds every show {@code report} lists that the library does not know yet, with
	 * {@code origin}; the report's refusals are carried over, so the result has a line
	 * for every outline that looked like a show, in the file's order. One addition at a
	 * time in an instance: the start-up reading and the first poll tick read the list at
	 * the same moment, and the second must find the first's shows rather than fail to
	 * insert them (each failed insert logged a duplicate-key error: 189 at the start of a
	 * 200-show library). Across instances the unique feed address decides.
	 */
	public synchronized List<Addition> addListed(OpmlReport report, LibraryEntry.Origin origin) {
		var known = known();
		var additions = new ArrayList<Addition>();
		report.refused()
			.forEach((r) -> additions.add(new Addition(r.line(), r.label(), null, Result.REFUSED, r.reason())));
		for (var show : report.shows()) {
			var label = (show.title() != null) ? show.title() : show.feedUrl();
			var existing = known.get(FeedAddresses.sameFeedKey(show.feedUrl()));
			if (existing != null) {
				additions
					.add(new Addition(show.line(), label, show.feedUrl(), Result.ALREADY_THERE, already(existing)));
				continue;
			}
			var added = add(show.feedUrl(), origin);
			known.put(FeedAddresses.sameFeedKey(show.feedUrl()), added);
			additions.add(new Addition(show.line(), label, show.feedUrl(), Result.ADDED, null));
		}
		additions.sort(Comparator.comparingInt(Addition::line));
		return additions;
	}

	/**
	 * Adds the show at {@code feedUrl} (already checked), or restores it when it was
	 * removed: the operator's form.
	 */
	public synchronized Addition addOne(String feedUrl, LibraryEntry.Origin origin) {
		var existing = known().get(FeedAddresses.sameFeedKey(feedUrl));
		if (existing == null) {
			add(feedUrl, origin);
			return new Addition(0, feedUrl, feedUrl, Result.ADDED, null);
		}
		if (existing.entry().removedAt() != null) {
			existing.entry().restore();
			this.podcasts.save(existing);
			log.warn("Show {} restored to the library by the operator", LogText.of(existing.getFeedUrl()));
			return new Addition(0, feedUrl, existing.getFeedUrl(), Result.RESTORED, null);
		}
		return new Addition(0, feedUrl, existing.getFeedUrl(), Result.ALREADY_THERE, already(existing));
	}

	private Podcast add(String feedUrl, LibraryEntry.Origin origin) {
		try {
			var saved = this.podcasts.save(new Podcast(feedUrl, origin, this.clock.instant()));
			log.info("Show {} added to the library ({})", LogText.of(feedUrl), origin);
			return saved;
		}
		catch (DataIntegrityViolationException ex) {
			// another instance added it a moment ago
			return this.podcasts.findByConfiguredUrl(feedUrl).orElseThrow(() -> ex);
		}
	}

	private static String already(Podcast existing) {
		var name = (existing.getTitle() != null) ? "\"" + existing.getTitle() + "\"" : existing.getFeedUrl();
		return (existing.entry().removedAt() != null)
				? "removed from the library by the operator (" + name + "); only \"Add a show\" restores it"
				: "already in the library as " + name;
	}

	/** Every show by the same-feed keys of its configured and current addresses. */
	private Map<String, Podcast> known() {
		var known = new HashMap<String, Podcast>();
		for (var podcast : this.podcasts.findAll()) {
			for (var url : List.of(podcast.getConfiguredUrl(), podcast.getFeedUrl())) {
				var checked = FeedAddresses.check(url);
				if (checked.ok()) {
					known.putIfAbsent(FeedAddresses.sameFeedKey(checked.url()), podcast);
				}
			}
		}
		return known;
	}

}
