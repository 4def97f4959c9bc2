package ai.interconnects.archive.episode;

/** What storing one feed item did. */
public enum IngestOutcome {

	NEW, UPDATED, UNCHANGED

}
