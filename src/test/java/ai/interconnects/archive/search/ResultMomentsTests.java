package ai.interconnects.archive.search;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultMomentsTests {

	static final String EPISODE = "/episodes/e";

	@Test
	void twoMomentsAtTheSameTimeAreOneEntryWithBothExcerpts() {
		var chapter = new SearchResults.Moment(MomentKind.CHAPTER, null, "12:33", "The <mark>open</mark> question",
				EPISODE + "?t=753", null);
		var segment = new SearchResults.Moment(MomentKind.SEGMENT, "Dean Ball", "12:33",
				"so the <mark>open</mark> models", EPISODE + "?t=753", EPISODE + "/transcript#t-753");
		var later = new SearchResults.Moment(MomentKind.SEGMENT, "Dean Ball", "13:00", "An <mark>open</mark> end.",
				EPISODE + "?t=780", EPISODE + "/transcript#t-780");

		var entries = ResultMoments.of(results("open", List.of(chapter, segment, later))).get("e");

		assertThat(entries).hasSize(2);
		var merged = entries.get(0);
		assertThat(merged.kinds()).containsExactly("chapter", "segment");
		assertThat(merged.labels()).containsExactly("Chapter", "Dean Ball");
		assertThat(merged.classes()).isEqualTo("search-moment-chapter search-moment-segment");
		assertThat(merged.label()).isEqualTo("Chapter · Dean Ball");
		// a chapter title is complete: no ellipsis
		assertThat(merged.excerpts()).containsExactly("The <mark>open</mark> question",
				"… so the <mark>open</mark> models …");
		assertThat(merged.transcriptLink()).isEqualTo(EPISODE + "/transcript?q=open&t=753#t-753");
		assertThat(entries.get(1).excerpts()).containsExactly("An <mark>open</mark> end.");
	}

	@Test
	void aTitleMatchMarksTheHeadingInsteadOfRepeatingIt() {
		var title = new SearchResults.Moment(MomentKind.TITLE, null, null, "<mark>Open</mark> models", EPISODE, null);
		var notes = new SearchResults.Moment(MomentKind.NOTES, null, null, "about <mark>open</mark> weights", EPISODE,
				null);
		var results = results("open", List.of(title, notes));

		var entries = ResultMoments.of(results).get("e");

		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).excerpts()).containsExactly("… about <mark>open</mark> weights …");
		assertThat(ResultMoments.titles(results)).containsEntry("e", "<mark>Open</mark> models");
	}

	@Test
	void theQueryIsEncodedInTheTranscriptLink() {
		assertThat(ResultMoments.withQuery(EPISODE + "/transcript#p-2", "\"a b\" & c", "1:05"))
			.isEqualTo(EPISODE + "/transcript?q=%22a%20b%22%20%26%20c&t=65#p-2");
	}

	private static SearchResults results(String query, List<SearchResults.Moment> moments) {
		var request = SearchRequest.of(query, null, null, null, null, null, 200);
		var episode = new SearchResults.EpisodeResult("e", "Episode", null, moments.size() + 10, moments);
		return SearchResults.found(request, List.of(episode),
				new SearchResults.Counts(moments.size() + 10, false, 1, false), 1, 1, List.of());
	}

}
