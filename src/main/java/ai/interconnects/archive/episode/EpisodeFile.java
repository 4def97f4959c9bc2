package ai.interconnects.archive.episode;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A file an episode links (its best transcript, its chapters file) and how fetching it
 * went. The fetch policy is polite: a file is fetched once; fetched again only when its
 * URL changes, or with a conditional GET once a refresh interval has passed; after a
 * failure it is retried with a growing delay, and the failure is kept for the operator.
 */
@Entity
@Table(name = "episode_file")
public class EpisodeFile {

	/** What the file holds. */
	public enum Kind {

		TRANSCRIPT, CHAPTERS

	}

	/** The longest a failed file waits before it is tried again. */
	static final Duration MAX_RETRY = Duration.ofDays(7);

	private static final int MAX_FAILURE_LENGTH = 1000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "episode_id", nullable = false)
	private long episodeId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Kind kind;

	@Column(nullable = false)
	private String url;

	private String mediaType;

	private String etag;

	private String lastModified;

	private String body;

	private Instant fetchedAt;

	private Instant lastAttemptAt;

	private int failures;

	private String failure;

	protected EpisodeFile() {
	}

	EpisodeFile(long episodeId, Kind kind, String url, String mediaType) {
		this.episodeId = episodeId;
		this.kind = kind;
		this.url = url;
		this.mediaType = mediaType;
	}

	/**
	 * Points the row at the file the feed links now.
	 * @return whether the URL changed (then the file is due at once, unconditionally)
	 */
	boolean pointTo(String newUrl, String newMediaType) {
		if (Objects.equals(this.url, newUrl)) {
			this.mediaType = newMediaType;
			return false;
		}
		this.url = newUrl;
		this.mediaType = newMediaType;
		this.etag = null;
		this.lastModified = null;
		this.fetchedAt = null;
		this.lastAttemptAt = null;
		this.failures = 0;
		this.failure = null;
		return true;
	}

	/**
	 * Whether the file should be fetched at {@code now}: never tried; failed and its
	 * retry delay ({@code retryAfter} doubled per failure in a row, at most a week) has
	 * passed; or fetched and {@code refresh} has passed since the last attempt (then
	 * conditionally, with the stored validators).
	 */
	public boolean isDue(Instant now, Duration refresh, Duration retryAfter) {
		if (this.lastAttemptAt == null) {
			return true;
		}
		if (this.failure != null) {
			long factor = 1L << Math.min(Math.max(this.failures - 1, 0), 16);
			var delay = retryAfter.multipliedBy(factor);
			if (delay.compareTo(MAX_RETRY) > 0) {
				delay = MAX_RETRY;
			}
			return !this.lastAttemptAt.plus(delay).isAfter(now);
		}
		return !this.lastAttemptAt.plus(refresh).isAfter(now);
	}

	/** The validators for a conditional GET: only once the body is stored. */
	public boolean canRevalidate() {
		return this.body != null && (this.etag != null || this.lastModified != null);
	}

	void fetched(String newBody, String newEtag, String newLastModified, Instant now) {
		this.body = newBody;
		this.etag = newEtag;
		this.lastModified = newLastModified;
		this.fetchedAt = now;
		this.lastAttemptAt = now;
		this.failures = 0;
		this.failure = null;
	}

	void notModified(Instant now) {
		this.lastAttemptAt = now;
		this.failures = 0;
		this.failure = null;
	}

	void failed(String message, Instant now) {
		this.lastAttemptAt = now;
		this.failures++;
		var text = (message != null) ? message : "unknown error";
		this.failure = (text.length() > MAX_FAILURE_LENGTH) ? text.substring(0, MAX_FAILURE_LENGTH) + "…" : text;
	}

	public Long getId() {
		return this.id;
	}

	public long getEpisodeId() {
		return this.episodeId;
	}

	public Kind getKind() {
		return this.kind;
	}

	public String getUrl() {
		return this.url;
	}

	public String getMediaType() {
		return this.mediaType;
	}

	public String getEtag() {
		return this.etag;
	}

	public String getLastModified() {
		return this.lastModified;
	}

	public String getBody() {
		return this.body;
	}

	public Instant getFetchedAt() {
		return this.fetchedAt;
	}

	public Instant getLastAttemptAt() {
		return this.lastAttemptAt;
	}

	public int getFailures() {
		return this.failures;
	}

	public String getFailure() {
		return this.failure;
	}

}
