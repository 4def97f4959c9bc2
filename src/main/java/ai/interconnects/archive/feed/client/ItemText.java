package ai.interconnects.archive.feed.client;

import java.util.ArrayList;
import java.util.List;

import com.rometools.modules.itunes.EntryInformation;

/**
 * The parts of a feed item read beside Rome: its notes when the description is empty, and
 * its {@link ItemExtras}.
 */
final class ItemText {

	private ItemText() {
	}

	/**
	 * The notes: the description or {@code content:encoded} (the longer, as Rome gives
	 * them), else {@code itunes:summary}, else {@code media:description} (YouTube's
	 * Atom).
	 */
	static String fallback(String description, ItemMarkup markup, EntryInformation itunes) {
		if (description != null && !description.isBlank()) {
			return description;
		}
		if (itunes != null && itunes.getSummary() != null && !itunes.getSummary().isBlank()) {
			return itunes.getSummary();
		}
		if (markup != null) {
			var summary = markup.itunes("summary");
			if (summary != null) {
				return summary;
			}
			var media = markup.mediaDescription();
			if (media != null) {
				return media;
			}
		}
		return description;
	}

	static ItemExtras extras(ItemMarkup markup, List<String> warnings) {
		if (markup == null) {
			return warnings.isEmpty() ? ItemExtras.NONE
					: new ItemExtras(List.of(), null, List.of(), warnings, List.of());
		}
		var all = new ArrayList<>(warnings);
		var season = markup.number("season", all);
		var episode = markup.number("episode", all);
		return new ItemExtras(markup.transcripts(), markup.chapters(), markup.podloveChapters(), all, markup.persons(),
				season, episode, markup.alternateEnclosures());
	}

}
