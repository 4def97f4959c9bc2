package ai.interconnects.archive.poll;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One attempt to poll the feed, successful or not. */
@Entity
@Table(name = "poll_run")
public class PollRun {

	public enum Outcome {

		RUNNING, SUCCESS, NOT_MODIFIED, FAILED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long podcastId;

	@Column(nullable = false)
	private String feedUrl;

	@Column(nullable = false)
	private Instant startedAt;

	private Instant finishedAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Outcome outcome = Outcome.RUNNING;

	private Integer httpStatus;

	private Long bytesRead;

	private int itemsSeen;

	private int itemsNew;

	private int itemsUpdated;

	private int itemsUnchanged;

	private int itemsFailed;

	private int itemsSkipped;

	/** Why the run failed, or a note on a successful one (a permanent redirect). */
	private String message;

	private String failureKind;

	protected PollRun() {
	}

	PollRun(Long podcastId, String feedUrl, Instant startedAt) {
		this.podcastId = podcastId;
		this.feedUrl = feedUrl;
		this.startedAt = startedAt;
	}

	void finish(Outcome outcome, Integer httpStatus, Long bytesRead, PollCounts counts, String message, Instant now) {
		this.outcome = outcome;
		this.httpStatus = httpStatus;
		this.bytesRead = bytesRead;
		this.itemsSeen = counts.seen();
		this.itemsNew = counts.created();
		this.itemsUpdated = counts.updated();
		this.itemsUnchanged = counts.unchanged();
		this.itemsFailed = counts.failed();
		this.itemsSkipped = counts.skipped();
		this.message = (message != null && message.length() > 4000) ? message.substring(0, 4000) + "…" : message;
		this.finishedAt = now;
	}

	/**
	 * What kind of failure a failed run was, for the public wording: {@code UNREACHABLE},
	 * {@code HTTP_STATUS}, {@code NOT_A_FEED}, {@code TOO_LARGE}, {@code REDIRECT};
	 * {@code null} for a run that did not fail.
	 */
	void classifyFailure(String kind) {
		this.failureKind = kind;
	}

	public String getFailureKind() {
		return this.failureKind;
	}

	public int getItemsSkipped() {
		return this.itemsSkipped;
	}

	public Long getId() {
		return this.id;
	}

	public Long getPodcastId() {
		return this.podcastId;
	}

	public String getFeedUrl() {
		return this.feedUrl;
	}

	public Instant getStartedAt() {
		return this.startedAt;
	}

	public Instant getFinishedAt() {
		return this.finishedAt;
	}

	public Outcome getOutcome() {
		return this.outcome;
	}

	public Integer getHttpStatus() {
		return this.httpStatus;
	}

	public Long getBytesRead() {
		return this.bytesRead;
	}

	public int getItemsSeen() {
		return this.itemsSeen;
	}

	public int getItemsNew() {
		return this.itemsNew;
	}

	public int getItemsUpdated() {
		return this.itemsUpdated;
	}

	public int getItemsUnchanged() {
		return this.itemsUnchanged;
	}

	public int getItemsFailed() {
		return this.itemsFailed;
	}

	public String getMessage() {
		return this.message;
	}

}
