package ai.interconnects.archive.search.meaning;

/** Where a moment is: the names match the kinds of keyword search's moments. */
public enum MomentKind {

	TITLE, CHAPTER, NOTES, SEGMENT

}
