package ai.interconnects.archive.poll;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A feed item that could not be stored during a poll. */
@Entity
@Table(name = "poll_item_failure")
public class PollItemFailure {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private long pollRunId;

	private String itemKey;

	private String itemTitle;

	@Column(nullable = false)
	private String message;

	/**
	 * {@code FAILED} (could not be read or stored) or {@code SKIPPED} (with its reason).
	 */
	@Column(nullable = false)
	private String outcome = "FAILED";

	protected PollItemFailure() {
	}

	PollItemFailure(long pollRunId, String itemKey, String itemTitle, String message) {
		this.pollRunId = pollRunId;
		this.itemKey = itemKey;
		this.itemTitle = itemTitle;
		this.message = message;
	}

	static PollItemFailure skipped(long pollRunId, String itemKey, String itemTitle, String reason) {
		var skipped = new PollItemFailure(pollRunId, itemKey, itemTitle, reason);
		skipped.outcome = "SKIPPED";
		return skipped;
	}

	public String getOutcome() {
		return this.outcome;
	}

	public Long getId() {
		return this.id;
	}

	public long getPollRunId() {
		return this.pollRunId;
	}

	public String getItemKey() {
		return this.itemKey;
	}

	public String getItemTitle() {
		return this.itemTitle;
	}

	public String getMessage() {
		return this.message;
	}

}
