package ai.interconnects.archive.transcript;

import java.nio.charset.StandardCharsets;

import ai.interconnects.archive.support.FeedServer;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ChapterShapeTests {

	private final DescriptionParser parser = new DescriptionParser();

	private static String description(String name) {
		return new String(FeedServer.resource("/feeds/descriptions/" + name), StandardCharsets.UTF_8);
	}

	@Test
	void boldTimesUnderShowNotesAreAChapterListAndTheNoteAfterItIsNoWarning() {
		var parsed = this.parser.parse(description("bold-times-under-show-notes.html"));

		assertThat(parsed.chapters())
			.extracting(ParsedDescription.Chapter::startSeconds, ParsedDescription.Chapter::title)
			.containsExactly(tuple(0, "Introductions"), tuple(240, "Why open weights matter"),
					tuple(750, "Data, licences and the commons"), tuple(3723, "Where to find us"));
		assertThat(parsed.skipped()).isEmpty();
		assertThat(parsed.unusedTimestamps()).isEmpty();
		assertThat(parsed.showNotesHtml()).contains("Show Notes:")
			.contains("Timestamps are generated")
			.contains("At 5:00 tomorrow")
			.doesNotContain("Why open weights matter");
	}

	@Test
	void boldTimesEachFollowedByTheirLinksAreAChapterListAndTheNotesStayAsWritten() {
		var parsed = this.parser.parse(simplecast2016Item(0));

		assertThat(parsed.chapters())
			.extracting(ParsedDescription.Chapter::startSeconds, ParsedDescription.Chapter::title)
			.containsExactly(tuple(0, "Introductions"), tuple(240, "Why static sites came back"),
					tuple(1125, "Build pipelines"), tuple(1880, "Content editing without a database"),
					tuple(2470, "Picks"));
		// the link list inside a part starts with a time: reported, not a chapter
		assertThat(parsed.unusedTimestamps()).singleElement().asString().contains("12:00 is where the talk");
		// each part keeps its links under its heading
		assertThat(parsed.showNotesHtml()).contains("Why static sites came back")
			.contains("https://www.staticgen.com")
			.contains("5:00 PM Pacific");
	}

	@Test
	void boldTimesBetweenOtherContentOutOfOrderOrTooFewAreNoChapterList() {
		var parsed = this.parser.parse(simplecast2016Item(1));

		assertThat(parsed.chapters()).isEmpty();
		assertThat(parsed.unusedTimestamps()).hasSize(3);
		assertThat(parsed.showNotesHtml()).contains("The first claim").contains("Listener mail");
	}

	/**
	 * The notes of one item of the Simplecast 2016 feed fixture, as the feed gives them.
	 */
	private static String simplecast2016Item(int index) {
		var feed = Jsoup.parse(
				new String(FeedServer.resource("/feeds/simplecast-2016-feed.xml"), StandardCharsets.UTF_8), "",
				Parser.xmlParser());
		return feed.select("item").get(index).getElementsByTag("content:encoded").text();
	}

	@Test
	void runTogetherBracketedTimesAreSplitIntoChapters() {
		var parsed = this.parser.parse(description("run-together.html"));

		assertThat(parsed.chapters())
			.extracting(ParsedDescription.Chapter::startSeconds, ParsedDescription.Chapter::title)
			.containsExactly(tuple(0, "Intro - why we are back"), tuple(152, "Scaling laws - what changed"),
					tuple(605, "Evaluations - the hard part"), tuple(2710, "Outro"));
		assertThat(parsed.showNotesHtml()).contains("This week")
			.contains("Thanks for listening")
			.doesNotContain("(02:32)");
	}

	@Test
	void aNoteAfterAHeadedChapterListEndsTheListWithoutAWarning() {
		var parsed = this.parser.parse(description("list-then-italic-note.html"));

		assertThat(parsed.chapters()).extracting(ParsedDescription.Chapter::title)
			.containsExactly("Intro", "Why RL works", "Open recipes");
		assertThat(parsed.skipped()).isEmpty();
		assertThat(parsed.showNotesHtml()).contains("<em>This chapter list was made by hand")
			.contains("Listen on any app.");
	}

	@Test
	void timesTooFewOrOutOfOrderAreNotChaptersButAreReported() {
		var parsed = this.parser.parse(description("stray-times.html"));

		assertThat(parsed.chapters()).isEmpty();
		assertThat(parsed.unusedTimestamps()).hasSize(5)
			.first()
			.isEqualTo("timestamp not used as a chapter: 00:10 first mention");
		assertThat(parsed.showNotesHtml()).contains("00:10 first mention").contains("20:00 also not a list");
	}

	@Test
	void plainTextKeepsItsParagraphsLinksItsUrlsAndFindsItsChapters() {
		var parsed = this.parser.parse(description("plain-text.txt"));

		assertThat(parsed.showNotesHtml().replaceAll("\\s*<br>\\s*", "<br>")).startsWith(
				"<p>A plain-text description, as many hosts send it.<br>The second line of the first paragraph.</p>")
			.contains("<p>The second paragraph links <a href=\"https://example.org/episodes/42\" "
					+ "rel=\"nofollow noopener noreferrer\">https://example.org/episodes/42</a>. And "
					+ "&lt;script&gt;alert(1)&lt;/script&gt; stays text.</p>")
			.doesNotContain("<script>")
			.doesNotContain("03:10");
		assertThat(parsed.chapters()).extracting(ParsedDescription.Chapter::title)
			.containsExactly("Start", "Middle", "End");
		assertThat(parsed.skipped()).isEmpty();
	}

}
