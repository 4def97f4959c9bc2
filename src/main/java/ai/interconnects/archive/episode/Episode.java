package ai.interconnects.archive.episode;

import java.time.Instant;

import ai.interconnects.archive.feed.client.FeedItem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

@Entity
@Table(name = "episode")
public class Episode {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "episode_seq")
	@SequenceGenerator(name = "episode_seq", sequenceName = "episode_seq", allocationSize = 50)
	private Long id;

	@Column(name = "podcast_id", nullable = false)
	private long podcastId;

	@Column(nullable = false)
	private String guid;

	@Column(nullable = false)
	private String slug;

	@Column(nullable = false)
	private String title;

	private Instant publishedAt;

	private Integer durationSeconds;

	private String audioUrl;

	private String audioType;

	private Long audioLength;

	private String audioKey;

	private String link;

	private String imageUrl;

	private String episodeType;

	private String rawDescription;

	private String showNotesHtml;

	private String summary;

	private String parseWarnings;

	@Column(nullable = false)
	private String contentHash;

	@Column(nullable = false)
	private Instant firstSeenAt;

	@Column(nullable = false)
	private Instant lastSeenAt;

	@Column(nullable = false)
	private Instant updatedAt;

	protected Episode() {
	}

	Episode(long podcastId, String guid, String slug, Instant seenAt) {
		this.podcastId = podcastId;
		this.guid = guid;
		this.slug = slug;
		this.firstSeenAt = seenAt;
		this.lastSeenAt = seenAt;
		this.updatedAt = seenAt;
	}

	/** Copies the item's fields; identity (GUID, slug) is handled by the caller. */
	void apply(FeedItem item, Instant now) {
		this.title = item.title();
		this.publishedAt = item.publishedAt();
		this.durationSeconds = item.durationSeconds();
		this.audioUrl = item.audioUrl();
		this.audioType = item.audioType();
		this.audioLength = item.audioLength();
		this.audioKey = item.audioKey();
		this.link = item.link();
		this.imageUrl = item.imageUrl();
		this.episodeType = item.episodeType();
		this.rawDescription = item.description();
		this.contentHash = item.contentHash();
		this.updatedAt = now;
		this.lastSeenAt = now;
	}

	void applyNotes(String showNotesHtml, String summary) {
		this.showNotesHtml = showNotesHtml;
		this.summary = summary;
	}

	/**
	 * Chapters, transcript or notes were rebuilt from the stored descriptions: what
	 * readers see may have changed (pages' cache validators follow {@code updatedAt}).
	 */
	void reparsed(Instant now) {
		this.updatedAt = now;
	}

	/** What the operator should know about how the description parsed; null if clean. */
	void recordParseWarnings(String parseWarnings) {
		this.parseWarnings = parseWarnings;
	}

	void changeGuid(String guid) {
		this.guid = guid;
	}

	public Long getId() {
		return this.id;
	}

	public long getPodcastId() {
		return this.podcastId;
	}

	public String getGuid() {
		return this.guid;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getTitle() {
		return this.title;
	}

	public Instant getPublishedAt() {
		return this.publishedAt;
	}

	public Integer getDurationSeconds() {
		return this.durationSeconds;
	}

	public String getAudioUrl() {
		return this.audioUrl;
	}

	public String getAudioType() {
		return this.audioType;
	}

	public Long getAudioLength() {
		return this.audioLength;
	}

	public String getAudioKey() {
		return this.audioKey;
	}

	public String getLink() {
		return this.link;
	}

	public String getImageUrl() {
		return this.imageUrl;
	}

	public String getEpisodeType() {
		return this.episodeType;
	}

	public String getRawDescription() {
		return this.rawDescription;
	}

	public String getShowNotesHtml() {
		return this.showNotesHtml;
	}

	public String getSummary() {
		return this.summary;
	}

	public String getParseWarnings() {
		return this.parseWarnings;
	}

	public String getContentHash() {
		return this.contentHash;
	}

	public Instant getFirstSeenAt() {
		return this.firstSeenAt;
	}

	public Instant getLastSeenAt() {
		return this.lastSeenAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
