package ai.interconnects.archive.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import ai.interconnects.archive.web.TimeCode;

import org.springframework.web.util.UriUtils;

/**
 * How the results page shows an episode's best moments: a match in the episode's title
 * marks the words in its heading instead of repeating it as a moment; moments at the same
 * time (a chapter title and the paragraph that opens it, two paragraphs of one turn) are
 * one entry with both excerpts; an excerpt that starts or ends inside its text gets an
 * ellipsis there (a title, complete, never does); "Read in transcript" carries the query
 * and the time, so the transcript opens at that paragraph with the matches marked.
 */
final class ResultMoments {

	private static final Pattern TAGS = Pattern.compile("<[^>]+>");

	private static final Pattern SENTENCE_END = Pattern.compile(".*[.?!…\"”’)\\]]$");

	private ResultMoments() {
	}

	/**
	 * One entry of a result.
	 *
	 * @param kinds the kinds of the merged moments, lower case ("segment", "chapter", …)
	 * @param labels what matched: the speaker, "Chapter", "Episode title", …
	 * @param time the timestamp shown, or null
	 * @param excerpts escaped excerpts with marked matches, ellipses where cut
	 * @param playLink the episode at the moment
	 * @param transcriptLink the transcript at the moment with the query marked, or null
	 * @param meaning whether it was found by meaning alone (no query word is in it)
	 */
	record Entry(List<String> kinds, List<String> labels, String time, List<String> excerpts, String playLink,
			String transcriptLink, boolean meaning) {

		/**
		 * The entry's classes, one per kind ("search-moment-chapter
		 * search-moment-segment"): joined here rather than by a projection in the
		 * template, which costs more than the rest of the entry's rendering.
		 */
		public String classes() {
			return String.join(" ", this.kinds.stream().map((kind) -> "search-moment-" + kind).toList());
		}

		/** The labels as shown: "Chapter · Dean Ball". */
		public String label() {
			return String.join(" · ", this.labels);
		}

	}

	/**
	 * The headings of the page's episodes whose title matched, by slug: the title with
	 * the matched words marked.
	 */
	static Map<String, String> titles(SearchResults results) {
		var bySlug = new LinkedHashMap<String, String>();
		for (var episode : results.episodes()) {
			episode.best()
				.stream()
				.filter((moment) -> moment.kind() == MomentKind.TITLE)
				.findFirst()
				.ifPresent((title) -> bySlug.put(episode.slug(), title.excerptHtml()));
		}
		return bySlug;
	}

	/** The page's entries by episode slug. */
	static Map<String, List<Entry>> of(SearchResults results) {
		var bySlug = new LinkedHashMap<String, List<Entry>>();
		for (var episode : results.episodes()) {
			bySlug.put(episode.slug(), entries(episode, results.searchedQuery()));
		}
		return bySlug;
	}

	private static List<Entry> entries(SearchResults.EpisodeResult episode, String query) {
		var byTime = new LinkedHashMap<String, List<SearchResults.Moment>>();
		var entries = new ArrayList<Entry>();
		for (var moment : episode.best()) {
			if (moment.kind() == MomentKind.TITLE) {
				// shown in the heading
				continue;
			}
			// untimed moments (notes) are never merged
			var key = (moment.time() != null) ? moment.time() : "untimed-" + byTime.size();
			byTime.computeIfAbsent(key, (k) -> new ArrayList<>()).add(moment);
		}
		for (var moments : byTime.values()) {
			var kinds = new ArrayList<String>();
			var labels = new ArrayList<String>();
			var excerpts = new ArrayList<String>();
			String transcriptLink = null;
			boolean meaning = true;
			for (var moment : moments) {
				meaning &= moment.match() == SearchResults.Match.MEANING;
				var kind = moment.kind().cssName();
				if (!kinds.contains(kind)) {
					kinds.add(kind);
				}
				var label = label(moment);
				if (!labels.contains(label)) {
					labels.add(label);
				}
				excerpts.add((moment.kind() == MomentKind.CHAPTER) ? moment.excerptHtml()
						: withEllipses(moment.excerptHtml()));
				if (transcriptLink == null && moment.transcriptLink() != null) {
					// the transcript's find bar marks words: a moment found by meaning
					// has none
					transcriptLink = (moment.match() == SearchResults.Match.WORDS)
							? withQuery(moment.transcriptLink(), query, moment.time())
							: withTime(moment.transcriptLink(), moment.time());
				}
			}
			var first = moments.get(0);
			entries.add(new Entry(List.copyOf(kinds), List.copyOf(labels), first.time(), List.copyOf(excerpts),
					first.playLink(), transcriptLink, meaning));
		}
		return entries;
	}

	private static String label(SearchResults.Moment moment) {
		return switch (moment.kind()) {
			case TITLE -> "Episode title";
			case NOTES -> "Show notes";
			case CHAPTER -> "Chapter";
			case SEGMENT -> (moment.speaker() != null) ? moment.speaker() : "Transcript";
		};
	}

	/**
	 * "… words" when the excerpt starts inside a sentence (lower case), "words …" when it
	 * stops before one ends. ts_headline keeps at most 30 words of a paragraph and says
	 * nothing about where it cut, so the sentence shape is what tells.
	 */
	static String withEllipses(String html) {
		var text = TAGS.matcher(html).replaceAll("").strip();
		if (text.isEmpty()) {
			return html;
		}
		var result = html.strip();
		int first = text.codePointAt(0);
		if (Character.isLowerCase(first)) {
			result = "… " + result;
		}
		if (!SENTENCE_END.matcher(text).matches()) {
			result = result + " …";
		}
		return result;
	}

	/** {@code /episodes/x/transcript#t-754} with {@code ?q=…&t=754} before the anchor. */
	static String withQuery(String transcriptLink, String query, String time) {
		return link(transcriptLink, "q=" + UriUtils.encodeQueryParam(query, "UTF-8"), time);
	}

	/** {@code /episodes/x/transcript#t-754} with {@code ?t=754} before the anchor. */
	static String withTime(String transcriptLink, String time) {
		return link(transcriptLink, null, time);
	}

	private static String link(String transcriptLink, String query, String time) {
		int hash = transcriptLink.indexOf('#');
		var path = (hash < 0) ? transcriptLink : transcriptLink.substring(0, hash);
		var anchor = (hash < 0) ? "" : transcriptLink.substring(hash);
		var link = new StringBuilder(path);
		var seconds = TimeCode.wholeSeconds(time);
		if (query != null) {
			link.append('?').append(query);
		}
		if (seconds.isPresent()) {
			link.append((query != null) ? "&t=" : "?t=").append(seconds.getAsInt());
		}
		return link.append(anchor).toString();
	}

}
