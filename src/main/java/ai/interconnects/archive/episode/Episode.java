package ai.interconnects.archive.episode;

import java.time.Instant;

import ai.interconnects.archive.feed.client.FeedItem;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

	/** Null when loaded from a row without audio; read it with {@link #getAudio()}. */
	@Embedded
	private Audio audio;

	private String link;

	private String imageUrl;

	/** Null for a row without type or numbers; read it with {@link #getPlacement()}. */
	@Embedded
	private Placement placement;

	private String rawDescription;

	private String showNotesHtml;

	private String summary;

	private String parseWarnings;

	private String transcriptSource;

	private String transcriptUrl;

	private String transcriptType;

	private String chaptersSource;

	private String chaptersUrl;

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
		this.audio = Audio.of(item);
		this.link = item.link();
		this.imageUrl = item.imageUrl();
		this.placement = Placement.of(item, this.placement);
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

	/**
	 * What the transcript page says of the publisher's file changed (could not be read).
	 */
	void fileTroubleChanged(Instant now) {
		this.updatedAt = now;
	}

	/** What the operator should know about how the description parsed; null if clean. */
	void recordParseWarnings(String parseWarnings) {
		this.parseWarnings = parseWarnings;
	}

	/**
	 * Where the current transcript came from: the description, or a publisher's file;
	 * {@code null} source when there is none. The URL and MIME type name the publisher's
	 * transcript file whenever the item links one, current or not.
	 */
	void transcriptFrom(ContentSource source, String url, String type) {
		this.transcriptSource = (source != null) ? source.name() : null;
		this.transcriptUrl = url;
		this.transcriptType = type;
	}

	void chaptersFrom(ContentSource source, String url) {
		this.chaptersSource = (source != null) ? source.name() : null;
		this.chaptersUrl = url;
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

	public Audio getAudio() {
		return (this.audio != null) ? this.audio : Audio.NONE;
	}

	public String getLink() {
		return this.link;
	}

	public String getImageUrl() {
		return this.imageUrl;
	}

	public Placement getPlacement() {
		return (this.placement != null) ? this.placement : Placement.NONE;
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

	public ContentSource getTranscriptSource() {
		return (this.transcriptSource != null) ? ContentSource.valueOf(this.transcriptSource) : null;
	}

	public String getTranscriptUrl() {
		return this.transcriptUrl;
	}

	public String getTranscriptType() {
		return this.transcriptType;
	}

	public ContentSource getChaptersSource() {
		return (this.chaptersSource != null) ? ContentSource.valueOf(this.chaptersSource) : null;
	}

	public String getChaptersUrl() {
		return this.chaptersUrl;
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
