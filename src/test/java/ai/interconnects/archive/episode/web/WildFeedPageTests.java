package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.support.Html;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import ai.interconnects.archive.poll.PollRun;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.PagesTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds from other hosts, stored and shown: nothing lost silently, every item accounted
 * for, any script in titles and slugs.
 */
@ExtendWith(OutputCaptureExtension.class)
class WildFeedPageTests extends PagesTestSupport {

	private static final byte[] LENIENT = FeedServer.resource("/feeds/lenient-feed.xml");

	@Test
	void everyItemIsAccountedForAndReusedGuidsStayDistinctAcrossPolls() {
		DatabaseCleaner.clean(this.jdbc);
		feeds.respond("/feed.xml", 200, LENIENT, "Content-Type", "application/rss+xml");
		var first = this.polls.poll().orElseThrow();
		var second = this.polls.poll().orElseThrow();

		assertThat(first.getItemsSeen()).isEqualTo(16);
		assertThat(first.getItemsNew()).isEqualTo(15);
		assertThat(first.getItemsSkipped()).isEqualTo(1);
		assertThat(first.getItemsNew() + first.getItemsUpdated() + first.getItemsUnchanged() + first.getItemsFailed()
				+ first.getItemsSkipped())
			.isEqualTo(first.getItemsSeen());
		assertThat(this.jdbc.sql("select outcome, message from poll_item_failure where poll_run_id = ?")
			.param(first.getId())
			.query()
			.singleRow()).containsEntry("outcome", "SKIPPED");
		assertThat(second.getItemsUnchanged()).isEqualTo(15);
		assertThat(second.getItemsSkipped()).isEqualTo(1);
		assertThat(this.jdbc.sql("select title from episode where guid like 'shared-guid%' order by published_at")
			.query(String.class)
			.list()).containsExactly("Reused GUID, first episode", "Reused GUID, second episode");
		assertThat(this.jdbc.sql("select count(*) from episode").query(Long.class).single()).isEqualTo(15);
	}

	@Test
	void lenientDatesAreStoredAndWhatWasGuessedIsReported() {
		ingest(LENIENT);

		assertThat(this.jdbc.sql("select published_at from episode where guid = 'date-1'")
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()).isEqualTo(Instant.parse("2011-01-11T01:30:00Z"));
		assertThat(warnings("date-3")).contains("'Wed, 05 Feb 2014 18:00:00 -3000' does not exist");
		assertThat(warnings("date-5")).contains("could not be read");
		assertThat(warnings("date-1")).isNull();
	}

	@Test
	void hebrewTitlesGetHebrewSlugsThatWorkInUrls() throws Exception {
		ingest(LENIENT);
		var slug = this.jdbc.sql("select slug from episode where guid = 'he-1'").query(String.class).single();

		assertThat(slug).isEqualTo("פרק-ראשון-בינה-מלאכותית");
		var response = fetch("/episodes/" + URLEncoder.encode(slug, StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("פרק ראשון: בינה מלאכותית");
		assertThat(this.jdbc.sql("select slug from episode where guid = 'emoji-1'").query(String.class).single())
			.matches("episode-[0-9a-f]{10}");
	}

	@Test
	void spacesInEnclosureUrlsAreEncodedAndVideoPlaysInAVideoElement() throws Exception {
		ingest(LENIENT);

		var spaced = Html.page(this.mvc, "/episodes/space-in-the-enclosure");
		assertThat(spaced.selectFirst("audio[data-player]").attr("src"))
			.isEqualTo("https://cdn.example/audio/My%20Episode%20(final).mp3?x=a%20b");
		var video = Html.page(this.mvc, "/episodes/a-video-episode");
		assertThat(video.selectFirst("video[data-player]").attr("src")).isEqualTo("https://cdn.example/video-1.mp4");
		assertThat(video.select("audio")).isEmpty();
	}

	@Test
	void plainTextAndSummaryOnlyNotesAreShownWithParagraphsAndLinks() throws Exception {
		ingest(LENIENT);

		var plain = Html.page(this.mvc, "/episodes/plain-text-notes");
		assertThat(plain.select(".show-notes p").eachText()).contains("First paragraph. Second line.");
		assertThat(plain.select("a[href=https://example.org/link]")).isNotEmpty();
		var summary = Html.page(this.mvc, "/episodes/only-an-itunes-summary");
		assertThat(summary.text()).contains("Everything is in the summary.");
		assertThat(summary.select("a[href=https://example.org/notes]")).isNotEmpty();
	}

	@Test
	void aFeedWithAnUndeclaredEntityKeepsThatItemAndListsTheItemThatIsBroken(CapturedOutput output) {
		DatabaseCleaner.clean(this.jdbc);
		feeds.respond("/feed.xml", 200, FeedServer.resource("/feeds/no-agenda-entity-feed.xml"), "Content-Type",
				"application/rss+xml");

		var run = this.polls.poll().orElseThrow();

		assertThat(run.getOutcome()).isEqualTo(PollRun.Outcome.SUCCESS);
		assertThat(run.getItemsSeen()).isEqualTo(4);
		assertThat(run.getItemsNew()).isEqualTo(3);
		assertThat(run.getItemsFailed()).isEqualTo(1);
		assertThat(this.jdbc.sql("select item_key, item_title, message from poll_item_failure").query().singleRow())
			.containsEntry("item_key", "http://1339.noagendanotes.com")
			.containsEntry("item_title", "1339: \"Knees & Elbows\"")
			.hasEntrySatisfying("message", (message) -> assertThat(message).asString().contains("at line 66"));
		assertThat(this.jdbc.sql("select audio_url from episode where guid = 'http://1338.noagendanotes.com'")
			.query(String.class)
			.single()).endsWith("NA-1338-2021-04-11-Final.mp3");
		assertThat(warnings("http://1338.noagendanotes.com")).contains("undeclared entity &gtgt; at line 44");
		assertThat(run.getMessage()).contains("undeclared entity &gtgt; at line 44");
		assertThat(output.getOut()).containsPattern("WARN .*repaired: Item '1338: Clot Shot': the undeclared entity")
			.containsPattern("WARN .*item '1339: \"Knees & Elbows\"' \\(http://1339.noagendanotes.com\\) could not"
					+ " be read: Not valid XML at line 66");
	}

	@Test
	void aFeedThatIsNotXmlIsNotCalledUnreachable() throws Exception {
		DatabaseCleaner.clean(this.jdbc);
		feeds.respond("/feed.xml", 200, "<rss><channel><title>cut".getBytes(StandardCharsets.UTF_8), "Content-Type",
				"application/rss+xml");
		this.polls.poll();

		var empty = Html.page(this.mvc, "/").selectFirst(".empty-archive");

		assertThat(empty.text()).contains("is not a valid RSS feed").doesNotContain("could not be reached");
	}

	private String warnings(String guid) {
		return this.jdbc.sql("select parse_warnings from episode where guid = ?")
			.param(guid)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	@Test
	void theSiteIsNamedAfterTheShowInTheFeedAndClaimsNoAudioEssays() throws Exception {
		ingest(LENIENT);

		var index = Html.page(this.mvc, "/");
		assertThat(index.selectFirst(".site-title").text()).contains("Lenient Show archive");
		assertThat(index.selectFirst("h1").text()).isEqualTo("Every Lenient Show episode");
		assertThat(index.title()).startsWith("Lenient Show archive");
		assertThat(index.selectFirst(".site-footer").text()).contains("archive of the Lenient Show podcast")
			.doesNotContain("Nathan Lambert");
		var transcript = Html.page(this.mvc, "/episodes/a-video-episode/transcript");
		assertThat(transcript.selectFirst(".empty-archive").text()).contains("no transcript in the feed")
			.doesNotContain("audio essay");
	}

	@Test
	void theTranscriptPageSaysWhereTheTextCameFromAndLinksTheOriginal() throws Exception {
		serveAnotherShow();
		this.polls.poll();

		var fromFile = Html.page(this.mvc, "/episodes/three-transcripts-one-chapters-file/transcript");
		var origin = fromFile.selectFirst(".transcript-origin");
		assertThat(origin.text()).isEqualTo("Transcript from the publisher’s JSON transcript file.");
		assertThat(origin.selectFirst("a").attr("href")).isEqualTo(feeds.url("/files/ep3.json").toString());
		assertThat(fromFile.select("[data-transcript] p").eachText())
			.anyMatch((text) -> text.contains("Hello and welcome."));
		// the HTML transcript of episode two failed (404 here): said plainly, not
		// promised, not linked
		var failed = Html.page(this.mvc, "/episodes/older-namespace-uri/transcript").selectFirst(".empty-archive");
		assertThat(failed.text())
			.contains("The publisher’s transcript of this episode could not be read: "
					+ "the file could not be downloaded. The archive will try again later.")
			.doesNotContain("has not read it yet")
			.doesNotContain("audio essay");
		assertThat(failed.select("a").eachAttr("href")).containsExactly("/episodes/older-namespace-uri");
		// a file not tried yet is linked, and the page says it has not been read yet
		// (and the episode changed, as the poll that links a new file changes it)
		this.jdbc.sql("update episode_file set failure = null, failures = 0, last_attempt_at = null").update();
		this.jdbc.sql("update episode set updated_at = now()").update();
		var pending = Html.page(this.mvc, "/episodes/older-namespace-uri/transcript").selectFirst(".empty-archive");
		assertThat(pending.text())
			.contains("The publisher links a HTML transcript for this episode; " + "the archive has not read it yet.")
			.doesNotContain("could not be read");
		assertThat(pending.selectFirst("a").attr("href")).isEqualTo(feeds.url("/files/ep2.html").toString());
		// the next poll fails it again: the page (cached while it was pending) follows
		this.polls.poll();
		assertThat(Html.page(this.mvc, "/episodes/older-namespace-uri/transcript").selectFirst(".empty-archive").text())
			.contains("could not be read");
		// beside a transcript from the description, the failed file is mentioned, not
		// linked
		this.jdbc.sql("""
				insert into transcript_segment (id, episode_id, position, start_seconds, speaker, text)
				select nextval('transcript_segment_seq'), id, 0, 0, 'Host', 'Words from the notes.' from episode
				where slug = 'older-namespace-uri'""").update();
		this.jdbc
			.sql("update episode set transcript_source = 'DESCRIPTION', updated_at = now()"
					+ " where slug = 'older-namespace-uri'")
			.update();
		var beside = Html.page(this.mvc, "/episodes/older-namespace-uri/transcript").selectFirst(".transcript-origin");
		assertThat(beside.text()).isEqualTo("Transcript from the episode’s description in the feed. The publisher also "
				+ "links its own transcript, which could not be read: the file could not be downloaded.");
		assertThat(beside.select("a")).isEmpty();

		ingestFixture();
		var description = Html.page(this.mvc, "/episodes/" + DEAN_BALL + "/transcript");
		assertThat(description.selectFirst(".transcript-origin").text())
			.isEqualTo("Transcript from the episode’s description in the feed.");
		var essay = this.jdbc.sql("select slug from episode where guid = 'substack:post:190007919'")
			.query(String.class)
			.single();
		assertThat(Html.page(this.mvc, "/episodes/" + essay + "/transcript").selectFirst(".empty-archive").text())
			.contains("it is an audio essay");
	}

}
