package ai.interconnects.archive.feed;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The archived feed and its polling state. */
@Entity
@Table(name = "podcast")
public class Podcast {

	public enum Status {

		ACTIVE, GONE

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true)
	private String configuredUrl;

	@Column(nullable = false)
	private String feedUrl;

	private String title;

	private String link;

	private String imageUrl;

	private String author;

	private String description;

	private String copyright;

	private String language;

	private String etag;

	private String lastModified;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status = Status.ACTIVE;

	private Instant lastAttemptAt;

	private Instant lastSuccessAt;

	private Instant lastUnconditionalAt;

	private Instant nextPollAt;

	@Column(nullable = false)
	private int consecutiveFailures;

	private String redirectCandidateUrl;

	@Column(nullable = false)
	private int redirectSeenCount;

	@Column(nullable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private Instant updatedAt;

	protected Podcast() {
	}

	Podcast(String configuredUrl, Instant now) {
		this.configuredUrl = configuredUrl;
		this.feedUrl = configuredUrl;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void describe(ParsedFeed feed, Instant now) {
		// A feed that suddenly omits its channel fields does not blank what we have.
		this.title = (feed.title() != null) ? feed.title() : this.title;
		this.link = (feed.link() != null) ? feed.link() : this.link;
		this.imageUrl = (feed.imageUrl() != null) ? feed.imageUrl() : this.imageUrl;
		this.author = (feed.author() != null) ? feed.author() : this.author;
		this.description = (feed.description() != null) ? feed.description() : this.description;
		this.copyright = (feed.copyright() != null) ? feed.copyright() : this.copyright;
		this.language = (feed.language() != null) ? feed.language() : this.language;
		this.updatedAt = now;
	}

	void succeeded(Instant now, String etag, String lastModified, boolean unconditional, Duration interval) {
		this.etag = etag;
		this.lastModified = lastModified;
		this.lastAttemptAt = now;
		this.lastSuccessAt = now;
		if (unconditional) {
			this.lastUnconditionalAt = now;
		}
		this.consecutiveFailures = 0;
		this.nextPollAt = now.plus(interval);
		this.updatedAt = now;
	}

	void failed(Instant now, Duration retryIn) {
		this.lastAttemptAt = now;
		this.consecutiveFailures++;
		this.nextPollAt = now.plus(retryIn);
		this.updatedAt = now;
	}

	void markGone(Instant now) {
		this.status = Status.GONE;
		this.nextPollAt = null;
		this.updatedAt = now;
	}

	void reactivate(Instant now) {
		this.status = Status.ACTIVE;
		this.consecutiveFailures = 0;
		this.nextPollAt = now;
		this.updatedAt = now;
	}

	void scheduleNow(Instant now) {
		this.nextPollAt = now;
		this.updatedAt = now;
	}

	/**
	 * Counts a permanent redirect to {@code target}; returns true once it has been seen
	 * on {@code confirmations} consecutive polls and the new URL has been adopted.
	 */
	boolean permanentRedirectSeen(String target, int confirmations, Instant now) {
		if (target.equals(this.redirectCandidateUrl)) {
			this.redirectSeenCount++;
		}
		else {
			this.redirectCandidateUrl = target;
			this.redirectSeenCount = 1;
		}
		if (this.redirectSeenCount >= confirmations) {
			this.feedUrl = target;
			this.redirectCandidateUrl = null;
			this.redirectSeenCount = 0;
			// validators belong to the old URL
			this.etag = null;
			this.lastModified = null;
			this.updatedAt = now;
			return true;
		}
		return false;
	}

	void noPermanentRedirect() {
		this.redirectCandidateUrl = null;
		this.redirectSeenCount = 0;
	}

	public Long getId() {
		return this.id;
	}

	public String getConfiguredUrl() {
		return this.configuredUrl;
	}

	public String getFeedUrl() {
		return this.feedUrl;
	}

	public String getTitle() {
		return this.title;
	}

	public String getLink() {
		return this.link;
	}

	public String getImageUrl() {
		return this.imageUrl;
	}

	public String getAuthor() {
		return this.author;
	}

	public String getDescription() {
		return this.description;
	}

	public String getCopyright() {
		return this.copyright;
	}

	public String getLanguage() {
		return this.language;
	}

	public String getEtag() {
		return this.etag;
	}

	public String getLastModified() {
		return this.lastModified;
	}

	public Status getStatus() {
		return this.status;
	}

	public Instant getLastAttemptAt() {
		return this.lastAttemptAt;
	}

	public Instant getLastSuccessAt() {
		return this.lastSuccessAt;
	}

	public Instant getLastUnconditionalAt() {
		return this.lastUnconditionalAt;
	}

	public Instant getNextPollAt() {
		return this.nextPollAt;
	}

	public int getConsecutiveFailures() {
		return this.consecutiveFailures;
	}

	public String getRedirectCandidateUrl() {
		return this.redirectCandidateUrl;
	}

	public int getRedirectSeenCount() {
		return this.redirectSeenCount;
	}

}
