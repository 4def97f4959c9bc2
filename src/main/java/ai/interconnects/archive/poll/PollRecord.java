package ai.interconnects.archive.poll;

import java.time.Instant;
import java.util.List;

/**
 * One run of the poll history as read for display; {@code message} is for the operator
 * (it can name hosts, file paths or exception details), {@code failureKind} (see
 * {@code FailureKinds}) says what a visitor may be told.
 */
public record PollRecord(long id, String feedUrl, Instant startedAt, Instant finishedAt, PollRun.Outcome outcome,
		Integer httpStatus, Long bytesRead, int itemsSeen, int itemsNew, int itemsUpdated, int itemsUnchanged,
		int itemsFailed, String message, List<ItemFailure> itemFailures, int itemsSkipped, String failureKind) {

	public boolean failed() {
		return this.outcome == PollRun.Outcome.FAILED;
	}

	/** How long the run took, or {@code null} while it is running. */
	public Long millis() {
		return (this.finishedAt != null) ? this.finishedAt.toEpochMilli() - this.startedAt.toEpochMilli() : null;
	}

	PollRecord withItemFailures(List<ItemFailure> failures) {
		return new PollRecord(this.id, this.feedUrl, this.startedAt, this.finishedAt, this.outcome, this.httpStatus,
				this.bytesRead, this.itemsSeen, this.itemsNew, this.itemsUpdated, this.itemsUnchanged, this.itemsFailed,
				this.message, List.copyOf(failures), this.itemsSkipped, this.failureKind);
	}

	/** A feed item the run could not store. */
	public record ItemFailure(String itemKey, String itemTitle, String message) {
	}

}
