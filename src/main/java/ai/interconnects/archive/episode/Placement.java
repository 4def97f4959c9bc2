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

	/** "S2 · E14", "E14", "S2", or null without numbers. */
	public String label() {
		return label(this.season, this.number);
	}

	/** "Season 2, episode 14", for screen readers; null without numbers. */
	public static String spoken(Integer season, Integer number) {
		if (season == null && number == null) {
			return null;
		}
		if (season == null) {
			return "Episode " + number;
		}
		return (number == null) ? "Season " + season : "Season " + season + ", episode " + number;
	}

	public static String label(Integer season, Integer number) {
		if (season == null && number == null) {
			return null;
		}
		if (season == null) {
			return "E" + number;
		}
		return (number == null) ? "S" + season : "S" + season + " · E" + number;
	}

}
