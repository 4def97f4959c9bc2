package ai.interconnects.archive.transcript;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import ai.interconnects.archive.support.FeedServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DescriptionParserTests {

	private final DescriptionParser parser = new DescriptionParser();

	@Test
	void theDeanBallFixtureGivesNotesChaptersAndASpeakerLabelledTranscript() {
		var parsed = this.parser.parse(fixtureDescription("substack:post:190015838"));

		assertThat(parsed.chapters())
			.extracting(ParsedDescription.Chapter::startSeconds, ParsedDescription.Chapter::title)
			.containsExactly(tuple(0, "Intro: is the Anthropic supply chain risk good or bad for open models?"),
					tuple(243, "Funding open models and the widening frontier gap"),
					tuple(753, "Sovereign AI and global demand for alternatives"),
					tuple(1255, "Open model ecosystem: Qwen, usability, and short-term outlook"),
					tuple(1700, "Government power, nationalization risk, and financializing compute"));
		assertThat(parsed.segments()).hasSize(55);
		assertThat(parsed.segments().get(0))
			.isEqualTo(new ParsedDescription.Segment(0, "Nathan Lambert", parsed.segments().get(0).text()));
		assertThat(parsed.segments().get(0).text()).startsWith("Okay. We are live");
		assertThat(parsed.segments().get(1).startSeconds()).isEqualTo(72);
		assertThat(parsed.segments().get(1).speaker()).isEqualTo("Dean Ball");
		assertThat(parsed.segments()).extracting(ParsedDescription.Segment::speaker)
			.containsOnly("Nathan Lambert", "Dean Ball");
		assertThat(parsed.segments().get(54).text()).isEqualTo("Talk to y’all later. Bye.");
		assertThat(parsed.segments().get(54).startSeconds()).isEqualTo(35 * 60 + 3);
		// the notes keep the introduction and the footer, not the sections
		assertThat(parsed.showNotesHtml()).contains("Hyperdimensional")
			.contains("This is a public episode")
			.doesNotContain("00:01:12")
			.doesNotContain("<h3>Chapters</h3>");
		assertThat(parsed.summary()).startsWith("Watching history unfold").endsWith("…");
		assertThat(parsed.skipped()).isEmpty();
	}

	@Test
	void audioEssaysHaveNeitherChaptersNorTranscript() {
		var parsed = this.parser.parse(fixtureDescription("substack:post:190007919"));

		assertThat(parsed.chapters()).isEmpty();
		assertThat(parsed.segments()).isEmpty();
		assertThat(parsed.showNotesHtml()).contains("The balance of power in open vs. closed models");
	}

	@Test
	void strongParagraphHeadingsWithColonsAndMixedHourFormats() {
		var parsed = this.parser.parse("""
				<p>We talk about Nemotron.</p>
				<p><strong>Chapters:</strong></p>
				<ul><li><p>00:00:00 Introduction</p></li><li><p>00:12:05 Data for pretraining</p></li>
				<li><p>0:37:29 Scaling Nemotron</p></li><li><p>01:02:03 Wrap-up</p></li></ul>
				<p><strong>Transcript:</strong></p>
				<p>00:00:05 Nathan Lambert: Welcome back.</p>
				""");

		assertThat(parsed.chapters()).extracting(ParsedDescription.Chapter::startSeconds)
			.containsExactly(0, 725, 2249, 3723);
		assertThat(parsed.chapters().get(2).title()).isEqualTo("Scaling Nemotron");
		assertThat(parsed.segments())
			.containsExactly(new ParsedDescription.Segment(5, "Nathan Lambert", "Welcome back."));
		assertThat(parsed.showNotesHtml()).isEqualTo("<p>We talk about Nemotron.</p>");
	}

	@Test
	void bareParagraphHeadingsAndDashSeparatedChapterLines() {
		var parsed = this.parser
			.parse("""
					<p>Notes first.</p>
					<p>Chapters</p>
					<ul><li>0:00 — Intro</li><li>5:19 — Why RL works</li><li>12:45 – Open recipes</li><li>1:01:10 - Outro</li></ul>
					<p>Transcript</p>
					<p>00:00:00 Nathan Lambert: Hi.</p>
					""");

		assertThat(parsed.chapters())
			.extracting(ParsedDescription.Chapter::startSeconds, ParsedDescription.Chapter::title)
			.containsExactly(tuple(0, "Intro"), tuple(319, "Why RL works"), tuple(765, "Open recipes"),
					tuple(3670, "Outro"));
		assertThat(parsed.segments()).hasSize(1);
	}

	@Test
	void chapterLinesInParagraphsSeparatedByLineBreaks() {
		var parsed = this.parser.parse("""
				<h3>Chapters</h3>
				<p>00:00 Intro<br>04:03 Funding<br/>12:33 Sovereign AI</p>
				""");

		assertThat(parsed.chapters()).extracting(ParsedDescription.Chapter::title)
			.containsExactly("Intro", "Funding", "Sovereign AI");
	}

	@Test
	void continuationParagraphsKeepTheSpeakerAndHaveNoTimeOfTheirOwn() {
		var parsed = this.parser.parse("""
				<h3>Transcript</h3>
				<p>00:10:00 Dean Ball: I think this turns that fear up.</p>
				<p>And that is the second paragraph of the same turn.</p>
				<p>00:10:44 Nathan Lambert: Yeah.</p>
				""");

		assertThat(parsed.segments()).containsExactly(
				new ParsedDescription.Segment(600, "Dean Ball", "I think this turns that fear up."),
				new ParsedDescription.Segment(null, "Dean Ball", "And that is the second paragraph of the same turn."),
				new ParsedDescription.Segment(644, "Nathan Lambert", "Yeah."));
	}

	@Test
	void aColonInsideSpeechIsNotMistakenForASpeaker() {
		var parsed = this.parser.parse("""
				<h3>Transcript</h3>
				<p>00:00:01 Nathan Lambert: Hello.</p>
				<p>00:00:09 so the question is this: who pays for open models?</p>
				""");

		assertThat(parsed.segments().get(1)).isEqualTo(new ParsedDescription.Segment(9, "Nathan Lambert",
				"so the question is this: who pays for open models?"));
	}

	@Test
	void entitiesAndTypographicQuotesAreDecoded() {
		var parsed = this.parser.parse("""
				<h3>Chapters</h3><ul><li>00:00 &#8220;Not your weights&#8221; &amp; power</li></ul>
				<h3>Transcript</h3><p>00:00:00 Dean Ball: It&#8217;s &quot;fine&quot; &mdash; really.</p>
				""");

		assertThat(parsed.chapters().get(0).title()).isEqualTo("“Not your weights” & power");
		assertThat(parsed.segments().get(0).text()).isEqualTo("It’s \"fine\" — really.");
	}

	@Test
	void aDescriptionCutShortMidTranscriptKeepsWhatItHas() {
		var full = fixtureDescription("substack:post:190015838");
		var cut = full.substring(0, full.indexOf("00:04:03 Nathan Lambert") + 40);

		var parsed = this.parser.parse(cut);

		assertThat(parsed.chapters()).hasSize(5);
		assertThat(parsed.segments()).hasSize(4);
		assertThat(parsed.segments().get(3).text()).isEqualTo("I think it’s ha");
	}

	@Test
	void aTranscriptHeadingOverALinkIsNotesNotATranscript() {
		var parsed = this.parser.parse("""
				<p>We talk about captions.</p>
				<p><strong>Transcript</strong></p>
				<p>Captions and transcripts are on <a href="https://example.org/ep/transcript">our site</a>.</p>
				<p>Thanks for listening.</p>
				""");

		assertThat(parsed.segments()).isEmpty();
		assertThat(parsed.showNotesHtml()).containsSubsequence("We talk about captions.", "Transcript",
				"Captions and transcripts are on", "https://example.org/ep/transcript", "Thanks for listening.");
	}

	@Test
	void unrecognisedLinesInTheChapterSectionStayInTheNotesAndAreReported() {
		var parsed = this.parser.parse("""
				<h3>Chapters</h3>
				<p>Timestamps are approximate.</p>
				<ul><li>00:00 Intro</li><li>Bonus: outtakes</li></ul>
				""");

		assertThat(parsed.chapters()).extracting(ParsedDescription.Chapter::title).containsExactly("Intro");
		assertThat(parsed.skipped()).containsExactly("chapter line: Timestamps are approximate.",
				"chapter line: Bonus: outtakes");
		assertThat(parsed.showNotesHtml()).contains("Timestamps are approximate.");
	}

	@Test
	void hostileMarkupNeverReachesTheShowNotes() {
		var parsed = this.parser.parse("""
				<p>Hello <a href="javascript:alert(1)">click</a> <img src=x onerror="alert(2)">
				<a href="https://example.com/" onclick="steal()">ok</a></p>
				<script>alert(3)</script><iframe src="https://evil.example/"></iframe>
				<p style="color:red" onmouseover="x()">styled</p>
				""");

		assertThat(parsed.showNotesHtml()).doesNotContainIgnoringCase("script")
			.doesNotContainIgnoringCase("javascript:")
			.doesNotContainIgnoringCase("onerror")
			.doesNotContainIgnoringCase("onclick")
			.doesNotContainIgnoringCase("onmouseover")
			.doesNotContainIgnoringCase("iframe")
			.doesNotContainIgnoringCase("style=")
			.contains("href=\"https://example.com/\"")
			.contains("rel=\"nofollow noopener noreferrer\"");
	}

	@Test
	void emptyAndNullDescriptionsGiveAnEmptyResult() {
		assertThat(this.parser.parse(null).segments()).isEmpty();
		assertThat(this.parser.parse("  ").showNotesHtml()).isEmpty();
		assertThat(this.parser.parse("plain text, no markup").showNotesHtml())
			.isEqualTo("<p>plain text, no markup</p>");
	}

	static String fixtureDescription(String guid) {
		var feed = new String(FeedServer.resource("/feeds/interconnects-feed.xml"), StandardCharsets.UTF_8);
		int at = feed.indexOf(guid);
		int itemStart = feed.lastIndexOf("<item>", at);
		var matcher = Pattern.compile("<description><!\\[CDATA\\[(.*?)\\]\\]></description>", Pattern.DOTALL)
			.matcher(feed);
		assertThat(matcher.find(itemStart)).isTrue();
		return matcher.group(1);
	}

}
