package ai.interconnects.archive.search.meaning;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Speaker names as small numbers, so the vector index holds an int per paragraph; names
 * that differ only in case share one (the speaker filter ignores case). Only grows: a
 * name seen once keeps its number for the life of the process.
 */
final class SpeakerIds {

	/** A filter without a speaker admits every moment. */
	static final int ANY = -3;

	private static final ConcurrentHashMap<String, Integer> IDS = new ConcurrentHashMap<>();

	private static final AtomicInteger NEXT = new AtomicInteger();

	private SpeakerIds() {
	}

	/** The name's number, given on first sight; -1 for no name. */
	static int of(String name) {
		if (name == null) {
			return -1;
		}
		return IDS.computeIfAbsent(name.toLowerCase(Locale.ROOT), (key) -> NEXT.getAndIncrement());
	}

	/**
	 * The name's number, -2 (matching nothing) when no paragraph has it, {@link #ANY} for
	 * null.
	 */
	static int find(String name) {
		return (name != null) ? IDS.getOrDefault(name.toLowerCase(Locale.ROOT), -2) : ANY;
	}

}
