package ai.interconnects.archive.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Landing on the exact words, at a phone's width and a desktop's: in the interview
 * fixture a four-paragraph turn runs from 10:49 to 13:57, and 12:34 is in its third
 * paragraph. A link to 12:34 shows that paragraph; playing marks one paragraph at a time.
 */
class MomentBrowserTests extends BrowserTestSupport {

	static final String EPISODE = "/episodes/bryan-catanzaro-on-nemotron-and-open-data";

	static final String TRANSCRIPT = EPISODE + "/transcript";

	@BeforeEach
	void interviewsWithLocalAudio() {
		restoreWithLocalMedia("interviews-feed.xml", PlayerBrowserTests.AUDIO);
	}

	@AfterEach
	void noErrorsInTheBrowser() {
		if (this.driver != null) {
			Browser.emulateScreen(this.driver, 0, 0);
			assertThat(Browser.severeConsoleMessages(this.driver)).isEmpty();
		}
	}

	@Test
	void aLinkToAMomentShowsTheParagraphSpokenThenOnAPhoneAndADesktop() {
		for (int width : new int[] { 390, 1280 }) {
			Browser.emulateScreen(this.driver, width, 844);
			open(TRANSCRIPT + "?t=754");

			var quoted = this.driver.findElements(By.cssSelector("[data-segment].is-quoted"));
			assertThat(quoted).as("%d px", width).hasSize(1);
			assertThat(quoted.get(0).getText()).contains("When the weights and the data mixture are out");
			waitUntil("the paragraph in view at " + width + " px", () -> inViewport(quoted.get(0)));
		}
	}

	@Test
	void playingMarksOneParagraphAtATime() {
		open(TRANSCRIPT);
		var chapterTime = this.driver.findElement(By.cssSelector("#chapter-3 a.ts"));
		js("arguments[0].scrollIntoView({block: 'center'})", chapterTime);

		chapterTime.click();

		waitUntil("playing from 12:00", () -> !paused() && currentTime() >= 720);
		// 12:00 falls in the turn's second paragraph (11:30–12:20)
		waitUntil("that paragraph marked",
				() -> !marked().isEmpty() && marked().get(0).getText().contains("There is a second reason"));
		assertThat(marked()).hasSize(1);
		js("document.querySelector('audio').currentTime = 760");
		waitUntil("the next paragraph marked instead",
				() -> marked().size() == 1 && marked().get(0).getText().contains("When the weights"));
	}

	private java.util.List<WebElement> marked() {
		return this.driver.findElements(By.cssSelector("[data-segment][aria-current=time]"));
	}

	private void open(String path) {
		this.driver.get(url(path));
		waitUntil("the script module ran",
				() -> "true".equals(js("return document.documentElement.dataset.enhanced || null")));
	}

}
