package ai.interconnects.archive.web;

import java.util.List;

import ai.interconnects.archive.support.Html;
import ai.interconnects.archive.support.PagesTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A link to a moment lands on the paragraph spoken then, not on the start of its turn: in
 * the interview fixture Bryan Catanzaro's turn at 10:49 runs four paragraphs to 13:57,
 * and only its first has a timestamp. The pages place the others where the subtitle files
 * do (the turn's span shared by length: 11:30, 12:20, 13:09), so 12:34 is inside the
 * third.
 */
class ParagraphTimesTests extends PagesTestSupport {

	static final String EPISODE = "/episodes/bryan-catanzaro-on-nemotron-and-open-data";

	static final String TRANSCRIPT = EPISODE + "/transcript";

	static final String THIRD = "When the weights and the data mixture are out";

	@BeforeEach
	void interviews() {
		restore("interviews-feed.xml");
	}

	@Test
	void aMomentHighlightsTheOneParagraphSpokenThen() throws Exception {
		var page = Html.page(this.mvc, TRANSCRIPT + "?t=754");

		var quoted = page.select("[data-segment].is-quoted");
		assertThat(quoted).hasSize(1);
		assertThat(quoted.first().selectFirst(".segment-text").text()).startsWith(THIRD);
		assertThat(quoted.first().attr("data-start")).isEqualTo("740");
		assertThat(page.selectFirst("meta[property=og:title]").attr("content"))
			.isEqualTo("Bryan Catanzaro at 12:34 · Bryan Catanzaro on Nemotron and open data");
		assertThat(page.selectFirst("meta[property=og:description]").attr("content")).startsWith("“" + THIRD);
		assertThat(page.selectFirst("meta[property=og:url]").attr("content")).endsWith("/transcript?t=754");
		assertThat(page.selectFirst("meta[property=og:image]").attr("content")).endsWith("/quote.png?t=754");
	}

	@Test
	void aRangeCoversOnlyItsParagraphs() throws Exception {
		var page = Html.page(this.mvc, TRANSCRIPT + "?t=754,801");

		assertThat(page.select("[data-segment].is-quoted .segment-text").eachText())
			.extracting((text) -> text.substring(0, 20))
			.containsExactly(THIRD.substring(0, 20), "The third reason is ");
		assertThat(page.selectFirst("meta[property=og:url]").attr("content")).endsWith("/transcript?t=754,801");

		var episode = Html.page(this.mvc, EPISODE + "?t=754,801");
		assertThat(episode.selectFirst("figure.quote blockquote").text()).startsWith(THIRD);
		assertThat(episode.selectFirst("meta[property=og:title]").attr("content"))
			.startsWith("Bryan Catanzaro at 12:34");
		assertThat(episode.selectFirst("meta[property=og:url]").attr("content")).endsWith(EPISODE + "?t=754,801");
	}

	@Test
	void eachContinuationShowsAndLinksItsEstimatedTime() throws Exception {
		var page = Html.page(this.mvc, TRANSCRIPT);

		var turn = page.select("[data-segment]").subList(13, 17);
		assertThat(turn).extracting((p) -> p.attr("data-start")).containsExactly("649", "690", "740", "789");
		assertThat(turn).extracting((p) -> p.selectFirst("a.ts").text())
			.containsExactly("10:49", "≈11:30", "≈12:20", "≈13:09");
		var estimated = turn.get(2).selectFirst("a.ts");
		assertThat(estimated.attr("href")).isEqualTo(EPISODE + "?t=740");
		assertThat(estimated.attr("data-seek")).isEqualTo("740");
		assertThat(estimated.attr("aria-label")).isEqualTo("Play from about 12:20");
		// anchors do not move with the estimates
		assertThat(turn.get(2).id()).isEqualTo("p-" + turn.get(2).attr("data-position"));
		List<Integer> starts = page.select("[data-segment]")
			.eachAttr("data-start")
			.stream()
			.map(Integer::parseInt)
			.toList();
		assertThat(starts).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void aChapterThatStartsInsideATurnOpensWithTheParagraphSpokenThenAndNamesItsSpeaker() throws Exception {
		var transcript = Html.page(this.mvc, TRANSCRIPT);
		var heading = transcript.selectFirst("#chapter-3");
		var opening = heading.nextElementSibling();
		assertThat(opening.selectFirst(".segment-text").text()).startsWith(THIRD);
		assertThat(opening.selectFirst(".segment-speaker").text()).isEqualTo("Bryan Catanzaro");
		assertThat(transcript.select("[data-segment]").get(14).select(".segment-speaker")).isEmpty();

		var chapter = Html.page(this.mvc, EPISODE + "/chapters/3");
		var first = chapter.selectFirst("[data-segment]");
		assertThat(first.selectFirst(".segment-text").text()).startsWith(THIRD);
		assertThat(first.selectFirst(".segment-speaker").text()).isEqualTo("Bryan Catanzaro");
		assertThat(Html.page(this.mvc, EPISODE + "/chapters/2").select(".segment-text").last().text())
			.startsWith("There is a second reason");
	}

}
