package ai.interconnects.archive.api;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did, line by line: counts, and each line that could not be stored with
 * its number and reason (the first {@value #MAX_PROBLEMS} in full, the rest counted).
 * {@code complete} is false when the file itself could not be read to its end (its last
 * problem says where).
 */
public record ImportReport(long lines, int showsCreated, int showsMatched, int showsRestored, int episodesNew,
		int episodesKept, int episodesEnriched, List<Problem> problems, long problemCount, boolean complete) {

	static final int MAX_PROBLEMS = 200;

	/** A line that was not stored, and why. */
	public record Problem(long line, String reason) {

		@Override
		public String toString() {
			return (this.line > 0) ? "line " + this.line + ": " + this.reason : this.reason;
		}

	}

	/** One sentence for the log and the page. */
	public String summary() {
		return "%s %d lines: %d shows new, %d found (%d restored); %d episodes new, %d already here (%d enriched); %d lines not stored"
			.formatted(this.complete ? "Imported" : "Imported (the file could not be read to its end)", this.lines,
					this.showsCreated, this.showsMatched, this.showsRestored, this.episodesNew,
					this.episodesKept + this.episodesEnriched, this.episodesEnriched, this.problemCount);
	}

	/** Counts kept while an import runs. */
	static final class Tally {

		long lines;

		int showsCreated;

		int showsMatched;

		int showsRestored;

		int episodesNew;

		int episodesKept;

		int episodesEnriched;

		long problemCount;

		boolean complete = true;

		final List<Problem> problems = new ArrayList<>();

		void problem(long line, String reason) {
			this.problemCount++;
			if (this.problems.size() < MAX_PROBLEMS) {
				this.problems.add(new Problem(line, reason));
			}
		}

		ImportReport report() {
			return new ImportReport(this.lines, this.showsCreated, this.showsMatched, this.showsRestored,
					this.episodesNew, this.episodesKept, this.episodesEnriched, List.copyOf(this.problems),
					this.problemCount, this.complete);
		}

	}

}
