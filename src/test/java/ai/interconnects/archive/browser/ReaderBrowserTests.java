package ai.interconnects.archive.browser;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader's side of the pages in headless Chromium: a player that says when the audio
 * cannot load, following that survives a timestamp click, shared moments and ranges, the
 * find bar, quotes from a selection, and the phone layout.
 */
class ReaderBrowserTests extends BrowserTestSupport {

	static final String EPISODE = "/episodes/" + DEAN_BALL;

	static final String TRANSCRIPT = EPISODE + "/transcript";

	/** Console messages a test expects (the failed audio load), left out of the check. */
	String expectedConsoleError;

	@AfterEach
	void noErrorsInTheBrowser() {
		if (this.driver == null) {
			return;
		}
		var messages = Browser.severeConsoleMessagesExcept(this.driver, this.expectedConsoleError);
		this.expectedConsoleError = null;
		Browser.emulateScreen(this.driver, 0, 0);
		assertThat(messages).isEmpty();
	}

	/**
	 * The fixture with every enclosure on the loopback server: silent audio, or a 404.
	 */
	void ingestWithAudio(boolean playable) {
		restoreWithLocalMedia("interconnects-feed.xml", playable ? PlayerBrowserTests.AUDIO : null);
	}

	@Test
	void audioThatCannotLoadIsSaidInWordsWithTheDownloadLink() {
		ingestWithAudio(false);
		this.expectedConsoleError = "/gone/";
		open(TRANSCRIPT);
		var timestamp = this.driver.findElements(By.cssSelector("[data-segment] a.ts")).get(10);
		js("arguments[0].scrollIntoView({block: 'center'})", timestamp);

		timestamp.click();

		var error = this.driver.findElement(By.cssSelector("[data-player-error]"));
		waitUntil("the failure said", error::isDisplayed);
		assertThat(error.getText()).contains("could not be loaded");
		assertThat(error.findElement(By.tagName("a")).getAttribute("href")).contains("/gone/").endsWith(".wav");
		assertThat(status()).doesNotContain("Playing");
		assertThat(this.driver.findElement(By.cssSelector("[data-follow-resume]")).isDisplayed()).isFalse();

		// Another timestamp and the arrow keys do not pretend either.
		this.driver.findElements(By.cssSelector("[data-segment] a.ts")).get(12).click();
		js("document.activeElement.blur()");
		this.driver.findElement(By.tagName("body")).sendKeys(Keys.ARROW_RIGHT);
		assertThat(status()).doesNotContain("Playing");
		assertThat(error.isDisplayed()).isTrue();
	}

	@Test
	void theResumeControlOnlyShowsWhileTheAudioPlays() {
		ingestWithAudio(true);
		open(TRANSCRIPT + "?t=754");
		js("document.querySelector('audio').play()");
		waitUntil("playing", () -> !paused());
		var resume = this.driver.findElement(By.cssSelector("[data-follow-resume]"));

		new Actions(this.driver).scrollByAmount(0, -1500).perform();
		waitUntil("a resume control offered while playing", resume::isDisplayed);

		js("document.querySelector('audio').pause()");
		waitUntil("no resume control once paused", () -> !resume.isDisplayed());
		assertThat(status()).startsWith("Paused at");
	}

	@Test
	void followingGoesOnAfterATimestampClickOnAScrolledPageAndNothingShifts() {
		ingestWithAudio(true);
		open(TRANSCRIPT);
		var timestamps = this.driver.findElements(By.cssSelector("[data-segment] a.ts"));
		var target = timestamps.get(30);
		js("arguments[0].scrollIntoView({block: 'center'})", target);
		var transcript = this.driver.findElement(By.cssSelector("[data-transcript]"));
		double before = documentTop(transcript);

		target.click();

		waitUntil("playing", () -> !paused() && status().startsWith("Playing from"));
		assertThat(documentTop(transcript)).as("the status line moves nothing").isEqualTo(before);
		// Later in the episode the highlighted paragraph is still followed into view.
		var later = timestamps.get(45);
		int laterStart = Integer.parseInt(later.getAttribute("data-seek"));
		js("document.querySelector('audio').currentTime = arguments[0]", laterStart + 0.2);
		var paragraph = this.driver
			.findElement(By.cssSelector("[data-segment]:has(a.ts[data-seek='" + laterStart + "'])"));
		waitUntil("the later paragraph highlighted", () -> paragraph.getAttribute("class").contains("is-current"));
		waitUntil("and followed into view", () -> inViewport(paragraph));
		assertThat(this.driver.findElement(By.cssSelector("[data-follow-resume]")).isDisplayed()).isFalse();
	}

	@Test
	void aTimeLinkScrollsToThePlayingParagraph() {
		ingestWithAudio(true);

		open(TRANSCRIPT + "?t=754");

		var quoted = this.driver.findElement(By.cssSelector("[data-segment].is-quoted"));
		assertThat(quoted.getAttribute("data-start")).isEqualTo("753");
		waitUntil("the paragraph in view", () -> inViewport(quoted));
	}

	@Test
	void aRangePlaysOnlyItselfAndStopsAtItsEnd() {
		ingestWithAudio(true);
		open(TRANSCRIPT + "?t=754,801");
		var quoted = this.driver.findElements(By.cssSelector("[data-segment].is-quoted"));
		assertThat(quoted).isNotEmpty();
		waitUntil("the range in view", () -> inViewport(quoted.get(0)));

		// Start near the end so the test does not wait 47 seconds.
		js("const a = document.querySelector('audio');"
				+ " a.addEventListener('loadedmetadata', () => { a.currentTime = 798; a.play(); }, {once: true});"
				+ " if (a.readyState >= 1) { a.currentTime = 798; a.play(); } else { a.load(); }");

		waitUntil("stopped at the end of the range", () -> paused() && currentTime() >= 800.5);
		assertThat(currentTime()).isLessThan(803);
		assertThat(status()).contains("End of the shared moment at 13:21");
	}

	@Test
	void theFindBarCountsStepsWrapsAndClears() {
		ingestWithAudio(true);
		open(TRANSCRIPT + "?q=china");
		var count = this.driver.findElement(By.cssSelector("[data-find-count]"));
		// counted in moments (matching paragraphs), as /search counts them
		int total = this.driver.findElements(By.cssSelector("[data-transcript] .is-match")).size();
		assertThat(total).isGreaterThan(2);
		assertThat(count.getAttribute("role")).isEqualTo("status");
		waitUntil("at the first match", () -> count.getText().equals("1 of " + total));

		this.driver.findElement(By.cssSelector("[data-find-next]")).click();
		waitUntil("the second", () -> count.getText().equals("2 of " + total));
		var second = this.driver.findElements(By.cssSelector("mark.is-current-match"));
		assertThat(second).isNotEmpty()
			.allMatch((mark) -> mark.findElement(By.xpath("ancestor::*[@data-segment]"))
				.equals(this.driver.findElements(By.cssSelector("[data-transcript] .is-match")).get(1)));
		this.driver.findElement(By.cssSelector("[data-find-prev]")).click();
		this.driver.findElement(By.cssSelector("[data-find-prev]")).click();
		waitUntil("wrapped to the last", () -> count.getText().equals(total + " of " + total));

		// The bar stays on screen wherever the reader is.
		js("window.scrollTo(0, document.body.scrollHeight)");
		var bar = this.driver.findElement(By.cssSelector("form.find-bar"));
		waitUntil("the bar still on screen", () -> inViewport(bar));

		this.driver.findElement(By.id("transcript-q")).sendKeys(Keys.ESCAPE);
		waitUntil("cleared", () -> this.driver.findElements(By.cssSelector("[data-transcript] mark")).isEmpty());
		assertThat(count.getText()).isEmpty();
		assertThat(this.driver.getCurrentUrl()).doesNotContain("q=");
	}

	@Test
	void aSearchResultOpensTheTranscriptAtTheMomentWithTheMatchesMarked() {
		ingestWithAudio(true);
		open("/search?q=tariffs");

		this.driver.findElement(By.linkText("Read in transcript")).click();

		waitUntil("the transcript", () -> this.driver.getCurrentUrl().contains("/transcript?q=tariffs&t=473#t-473"));
		waitUntil("the script module ran",
				() -> "true".equals(js("return document.documentElement.dataset.enhanced || null")));
		var mark = this.driver.findElement(By.cssSelector("#t-473 mark"));
		assertThat(mark.getText()).isEqualToIgnoringCase("tariffs");
		assertThat(mark.getAttribute("class")).contains("is-current-match");
		waitUntil("the moment in view", () -> inViewport(mark));
		assertThat(this.driver.findElement(By.cssSelector("[data-find-count]")).getText()).matches("\\d+ of \\d+");
	}

	@Test
	void selectingWordsOffersTheQuoteWithSpeakerTimeAndRangeLink() {
		ingestWithAudio(true);
		open(TRANSCRIPT);
		var paragraph = this.driver.findElement(By.id("t-72"));
		js("arguments[0].scrollIntoView({block: 'center'})", paragraph);

		js("const text = arguments[0].querySelector('.segment-text').firstChild;"
				+ " const range = document.createRange(); range.setStart(text, 0); range.setEnd(text, 28);"
				+ " const selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);",
				paragraph);

		var menu = this.driver.findElement(By.cssSelector("[data-share-menu]"));
		waitUntil("the share menu offered", menu::isDisplayed);
		menu.findElement(By.cssSelector("[data-copy-quote]")).click();
		waitUntil("copied", () -> menu.getAttribute("data-copied") != null);
		var quote = menu.getAttribute("data-copied");
		var next = Integer.parseInt((String) js(
				"return [...document.querySelectorAll('[data-segment]')].find((p) => +p.dataset.start > 72).dataset.start"));
		assertThat(quote).startsWith("“My guess is that in the long")
			.contains("— Dean Ball, Dean Ball on open models and government control (1:12)")
			.endsWith(url(TRANSCRIPT + "?t=72," + next + "#t-72"));
	}

	@Test
	void onAPhoneTheTextStartsOnTheFirstScreenAndShareIsOnDemand() {
		ingestWithAudio(true);
		Browser.emulateScreen(this.driver, 390, 844);
		open(TRANSCRIPT);

		var first = this.driver.findElement(By.cssSelector("[data-segment]"));
		assertThat(top(first)).isLessThan(((Number) js("return window.innerHeight")).doubleValue() - 40);
		assertThat(this.driver.findElement(By.cssSelector("details.toc")).getAttribute("open")).isNull();
		List<WebElement> shown = this.driver.findElements(By.cssSelector("[data-segment] .share-moment"))
			.stream()
			.filter(WebElement::isDisplayed)
			.toList();
		assertThat(shown).isEmpty();
		// A short turn is one line: its time, speaker and words share a baseline row.
		var shortTurn = this.driver.findElements(By.cssSelector("[data-segment].segment-short"));
		if (!shortTurn.isEmpty()) {
			var turn = shortTurn.get(0);
			double lineHeight = ((Number) js(
					"return parseFloat(getComputedStyle(arguments[0].querySelector('.segment-text')).lineHeight)",
					turn))
				.doubleValue();
			assertThat(turn.findElement(By.cssSelector(".segment-text")).getRect().getHeight())
				.isLessThanOrEqualTo((int) Math.ceil(lineHeight * 2));
			assertThat(Math.abs(top(turn.findElement(By.cssSelector("a.ts")))
					- top(turn.findElement(By.cssSelector(".segment-speaker")))))
				.isLessThan(12);
		}

		var paragraph = this.driver.findElements(By.cssSelector("[data-segment] .segment-text")).get(3);
		js("arguments[0].scrollIntoView({block: 'center'})", paragraph);
		paragraph.click();
		var active = this.driver.findElements(By.cssSelector("[data-segment] .share-moment"))
			.stream()
			.filter(WebElement::isDisplayed)
			.toList();
		assertThat(active).hasSize(1);
	}

	@Test
	void theStickyPlayerNeverCoversTheFocusedControl() {
		ingestWithAudio(true);
		open(TRANSCRIPT);
		var link = this.driver.findElements(By.cssSelector("[data-segment] a.ts")).get(20);
		// Put the link just under the sticky player, then move the focus to it.
		js("window.scrollTo(0, arguments[0].getBoundingClientRect().top + window.scrollY - 20)", link);

		js("arguments[0].focus()", link);

		double stickyBottom = ((Number) js(
				"return document.querySelector('.sticky-player').getBoundingClientRect().bottom"))
			.doubleValue();
		waitUntil("the focused link below the player", () -> top(link) >= stickyBottom);
	}

	@Test
	void theHeaderSearchButtonFitsAt320Pixels() {
		ingestWithAudio(true);
		Browser.emulateScreen(this.driver, 320, 700);
		for (var path : List.of("/", TRANSCRIPT, "/search?q=tariffs", "/speakers")) {
			open(path);
			// the search page has its own form instead of the header's
			var button = this.driver.findElement(By.cssSelector(".site-search button, .search-form button"));
			double right = ((Number) js("return arguments[0].getBoundingClientRect().right", button)).doubleValue();
			double width = ((Number) js("return document.documentElement.clientWidth")).doubleValue();
			assertThat(right).as(path).isLessThanOrEqualTo(width);
			assertThat(
					(Boolean) js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
				.as("%s has no sideways scrolling", path)
				.isTrue();
		}
	}

	@Test
	void onAPhoneTheSearchResultsStartOnTheFirstScreen() {
		ingestWithAudio(true);
		Browser.emulateScreen(this.driver, 390, 844);
		open("/search?q=tariffs");

		assertThat(this.driver.findElement(By.cssSelector("details.search-filters")).getAttribute("open")).isNull();
		var result = this.driver.findElement(By.cssSelector(".search-episode"));
		assertThat(top(result)).isLessThan(((Number) js("return window.innerHeight")).doubleValue() - 100);
	}

	private void open(String path) {
		this.driver.get(url(path));
		waitUntil("the script module ran",
				() -> "true".equals(js("return document.documentElement.dataset.enhanced || null")));
	}

	private String status() {
		return (String) js("return document.querySelector('[data-player-status]').textContent");
	}

	/** Top of an element in the viewport. */
	private double top(WebElement element) {
		return ((Number) js("return arguments[0].getBoundingClientRect().top", element)).doubleValue();
	}

	/**
	 * Top of an element in the document: changes when anything above it changes height.
	 */
	private double documentTop(WebElement element) {
		return ((Number) js("return arguments[0].getBoundingClientRect().top + window.scrollY", element)).doubleValue();
	}

}
