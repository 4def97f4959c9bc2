package ai.interconnects.archive.episode;

/**
 * Where an episode's transcript or chapter list came from (stored by name in
 * {@code episode.transcript_source} and {@code episode.chapters_source}).
 */
public enum ContentSource {

	/** Parsed from the item's description. */
	DESCRIPTION,
	/** The publisher's linked file (Podcasting 2.0). */
	FILE,
	/** Written in the item itself (Podlove Simple Chapters). */
	INLINE

}
