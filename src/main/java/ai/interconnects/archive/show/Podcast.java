package ai.interconnects.archive.show;

import java.time.Duration;
import java.time.Instant;

import ai.interconnects.archive.feed.client.FetchResult;
import ai.interconnects.archive.feed.client.ParsedFeed;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

	@Embedded
	private LibraryEntry entry = new LibraryEntry();

	private String title;

	private String link;

	private String imageUrl;

	private String author;

	private String description;

	private String copyright;

	private String language;

	/** {@code itunes:type}: {@code episodic} or {@code serial}; null when not given. */
	private String showType;

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

	public Podcast(String configuredUrl, LibraryEntry.Origin origin, Instant now) {
		this.entry = new LibraryEntry(origin);
		this.configuredUrl = configuredUrl;
		this.feedUrl = configuredUrl;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public void describe(ParsedFeed feed, Instant now) {
		// A feed that suddenly omits its channel fields does not blank what we have.
		this.title = (feed.title() != null) ? feed.title() : this.title;
		this.link = (feed.link() != null) ? feed.link() : this.link;
		this.imageUrl = (feed.imageUrl() != null) ? feed.imageUrl() : this.imageUrl;
		this.author = (feed.author() != null) ? feed.author() : this.author;
		this.description = (feed.description() != null) ? feed.description() : this.description;
		this.copyright = (feed.copyright() != null) ? feed.copyright() : this.copyright;
		this.language = (feed.language() != null) ? feed.language() : this.language;
		this.showType = (feed.showType() != null) ? feed.showType() : this.showType;
		this.updatedAt = now;
	}

	/**
	 * Whether a poll is due: never polled, or its next poll time has come; never while
	 * the show is paused, removed or gone.
	 */
	public boolean isDue(Instant now) {
		return this.entry.polled() && this.status != Status.GONE
				&& (this.nextPollAt == null || !this.nextPollAt.isAfter(now));
	}

	/**
	 * Whether an instance that has just started should poll: when the feed is due, or
	 * when nobody has tried for a whole poll {@code interval} (a restart after a long
	 * backoff catches up at once). A feed another instance polled a minute ago is left
	 * alone.
	 */
	public boolean isDueAtStartup(Instant now, Duration interval) {
		return this.entry.polled() && this.status != Status.GONE
				&& (isDue(now) || this.lastAttemptAt == null || !this.lastAttemptAt.plus(interval).isAfter(now));
	}

	/**
	 * Whether the next fetch should leave the validators out, so that a server with wrong
	 * ETags or Last-Modified dates cannot hide updates for ever.
	 */
	public boolean needsUnconditionalFetch(Instant now, Duration unconditionalInterval) {
		return this.lastUnconditionalAt == null || this.lastUnconditionalAt.plus(unconditionalInterval).isBefore(now);
	}

	/**
	 * Records a failed poll. The next one waits an exponential backoff from
	 * {@code initial} with ±20 % jitter, capped at {@code max}; a server's
	 * {@code Retry-After} is honoured when it asks for longer (up to a day).
	 */
	public void failed(Instant now, Duration initial, Duration max, Duration retryAfter) {
		this.nextPollAt = now.plus(Backoff.delay(this.consecutiveFailures, initial, max, retryAfter));
		this.lastAttemptAt = now;
		this.consecutiveFailures++;
		this.updatedAt = now;
	}

	/**
	 * Records a successful fetch: new validators, the next poll one {@code interval} from
	 * now, and the redirect bookkeeping. A permanent redirect is adopted once it has been
	 * seen on {@code confirmations} consecutive polls.
	 * @return the note for the poll history about a permanent redirect, or {@code null}
	 */
	public String succeeded(Instant now, FetchResult fetched, boolean unconditional, Duration interval,
			int confirmations) {
		this.etag = fetched.etag();
		this.lastModified = fetched.lastModified();
		this.lastAttemptAt = now;
		this.lastSuccessAt = now;
		if (unconditional) {
			this.lastUnconditionalAt = now;
		}
		this.consecutiveFailures = 0;
		this.nextPollAt = now.plus(interval);
		this.updatedAt = now;
		if (!fetched.permanentlyRedirected()) {
			this.redirectCandidateUrl = null;
			this.redirectSeenCount = 0;
			return null;
		}
		var target = fetched.finalUrl().toString();
		this.redirectSeenCount = target.equals(this.redirectCandidateUrl) ? this.redirectSeenCount + 1 : 1;
		this.redirectCandidateUrl = target;
		if (this.redirectSeenCount < confirmations) {
			return "Permanently redirected to " + target + " (seen " + this.redirectSeenCount + " of " + confirmations
					+ " times before adopting it)";
		}
		this.feedUrl = target;
		this.redirectCandidateUrl = null;
		this.redirectSeenCount = 0;
		// The validators belong to the old URL.
		this.etag = null;
		this.lastModified = null;
		return "Feed URL changed to " + target;
	}

	public void markGone(Instant now) {
		this.status = Status.GONE;
		this.nextPollAt = null;
		this.updatedAt = now;
	}

	public void reactivate(Instant now) {
		this.status = Status.ACTIVE;
		this.consecutiveFailures = 0;
		this.nextPollAt = now;
		this.updatedAt = now;
	}

	public Long getId() {
		return this.id;
	}

	public String getFeedUrl() {
		return this.feedUrl;
	}

	public String getConfiguredUrl() {
		return this.configuredUrl;
	}

	/** The show's place in the library: its slug, origin and the operator's marks. */
	public LibraryEntry entry() {
		return this.entry;
	}

	public String getTitle() {
		return this.title;
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

	public Instant getLastSuccessAt() {
		return this.lastSuccessAt;
	}

	public Instant getNextPollAt() {
		return this.nextPollAt;
	}

	public int getConsecutiveFailures() {
		return this.consecutiveFailures;
	}

}
