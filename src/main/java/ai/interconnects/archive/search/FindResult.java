package ai.interconnects.archive.search;

import java.util.List;

/**
 * What the transcript page's find bar shows for a query.
 *
 * @param matches the matching segments in transcript order, their words marked
 * @param ignoredWords words typed that are not searched (stop-words such as "the")
 * @param onlyIgnoredWords whether nothing but such words was typed
 * @param suggestions whole queries to try instead, when nothing matched
 */
public record FindResult(List<SegmentMatch> matches, List<String> ignoredWords, boolean onlyIgnoredWords,
		List<String> suggestions) {

	static final FindResult NONE = new FindResult(List.of(), List.of(), false, List.of());

	/** "“the” is too common to search for", or empty. */
	public String ignoredText() {
		return QueryAnalysis.explainIgnored(this.ignoredWords);
	}

}
