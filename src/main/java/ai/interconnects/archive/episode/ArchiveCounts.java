package ai.interconnects.archive.episode;

/** What the archive holds, for the operator. */
public record ArchiveCounts(long episodes, long chapters, long segments, long episodesWithTranscript) {
}
