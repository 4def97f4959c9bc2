package ai.interconnects.archive.search;

import java.util.ArrayList;
import java.util.List;

import ai.interconnects.archive.transcript.Speakers;

/**
 * Who an episode is with: the guests its feed credits ({@code podcast:person} with the
 * role guest), else the speakers of its transcript other than the archive's host. Shown
 * as "with Bryan Catanzaro" (each name a link to the speaker's page) on the cards, the
 * episode header and the search results; at most {@value #SHOWN} names, then "and 2
 * others".
 */
public record Guests(List<Guest> shown, int others) {

	static final int SHOWN = 3;

	public static final Guests NONE = new Guests(List.of(), 0);

	/** A name and the slug of their speaker page. */
	public record Guest(String name, String slug) {
	}

	public boolean isEmpty() {
		return this.shown.isEmpty();
	}

	/**
	 * The guests of an episode: {@code credited} when the feed names any, else
	 * {@code speakers} without the host.
	 */
	public static Guests of(List<String> credited, List<String> speakers, String host) {
		var names = new ArrayList<String>();
		if (!credited.isEmpty()) {
			names.addAll(credited);
		}
		else {
			for (var speaker : speakers) {
				if (!CastRepository.key(speaker).equals(CastRepository.key(host))) {
					names.add(speaker);
				}
			}
		}
		var shown = names.stream().limit(SHOWN).map((name) -> new Guest(name, Speakers.slug(name))).toList();
		return new Guests(shown, names.size() - shown.size());
	}

	/**
	 * The host among the archive's speakers, most episodes first: the first who speaks in
	 * at least two episodes or is the show's author; null when there is none.
	 */
	static String host(List<CastRepository.Voice> voices, String author) {
		for (var voice : voices) {
			if (voice.episodes() >= 2 || CastRepository.key(voice.name()).equals(CastRepository.key(author))) {
				return voice.name();
			}
		}
		return null;
	}

}
