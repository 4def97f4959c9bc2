package ai.interconnects.archive.episode;

/** What storing one feed item did. */
enum IngestOutcome {

	NEW, UPDATED, UNCHANGED

}
