package ai.interconnects.archive.episode;

import ai.interconnects.archive.feed.client.FeedItem;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where the show files an episode, as its iTunes tags say: its type ({@code full},
 * {@code trailer}, {@code bonus}), its season and its number ({@code itunes:season},
 * {@code itunes:episode}). All null when the feed says nothing.
 */
@Embeddable
public record Placement(@Column(name = "episode_type") String episodeType, @Column(name = "season") Integer season,
		@Column(name = "episode_number") Integer number) {

	static final Placement NONE = new Placement(null, null, null);

	/**
	 * The item's placement. Numbers the item stops giving are kept from {@code before}:
	 * they still say where the episode was.
	 */
	static Placement of(FeedItem item, Placement before) {
		var previous = (before != null) ? before : NONE;
		var extras = item.extras();
		return new Placement(item.episodeType(), (extras.season() != null) ? extras.season() : previous.season(),
				(extras.episode() != null) ? extras.episode() : previous.number());
	}

	/** "Season 2, episode 14", for screen readers; null without numbers. */
	public static String spoken(Integer season, Integer number) {
		return words(season, number, "Season ", "Episode ", ", episode ");
	}

	/** "S2 · E14", "E14", "S2", or null without numbers. */
	public static String label(Integer season, Integer number) {
		return words(season, number, "S", "E", " · E");
	}

	private static String words(Integer season, Integer number, String seasonWord, String numberAlone,
			String numberAfter) {
		if (season == null && number == null) {
			return null;
		}
		if (season == null) {
			return numberAlone + number;
		}
		return (number == null) ? seasonWord + season : seasonWord + season + numberAfter + number;
	}

}
