package ai.interconnects.archive.episode;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import ai.interconnects.archive.web.ArchiveStamp;

/**
 * The show of each episode, remembered for the links of a library's pages: every episode
 * link a page writes asks for it (a results page has ten episodes, the home page and a
 * speaker's page dozens), and a statement per link was most of a library page's database
 * time. An episode never changes show, and adding or deleting an episode changes the
 * archive's stamp, so the answers stay while the stamp does (read once per request by the
 * catalog).
 */
final class EpisodeShowMemo {

	/** Far above any page's links; a bound so that a crawler of 404s cannot grow it. */
	static final int MAX_ENTRIES = 200_000;

	private record Memo(ArchiveStamp.Stamp stamp, ConcurrentHashMap<String, String> shows) {
	}

	private final Supplier<ArchiveStamp.Stamp> stamps;

	private final AtomicReference<Memo> memo = new AtomicReference<>(new Memo(null, new ConcurrentHashMap<>()));

	EpisodeShowMemo(Supplier<ArchiveStamp.Stamp> stamps) {
		this.stamps = stamps;
	}

	/**
	 * The show slug of the episode, from memory when the archive has not changed since it
	 * was read by {@code read} (null: no such episode, not remembered).
	 */
	String showSlug(String episodeSlug, Function<String, String> read) {
		var current = current();
		var known = current.shows().get(episodeSlug);
		if (known != null) {
			return known;
		}
		var show = read.apply(episodeSlug);
		if (show != null && current.shows().size() < MAX_ENTRIES) {
			current.shows().put(episodeSlug, show);
		}
		return show;
	}

	private Memo current() {
		var stamp = this.stamps.get();
		var memo = this.memo.get();
		if (stamp.equals(memo.stamp())) {
			return memo;
		}
		var fresh = new Memo(stamp, new ConcurrentHashMap<>());
		// two requests seeing a new stamp at once: either memo is right for both
		this.memo.compareAndSet(memo, fresh);
		return fresh;
	}

}
