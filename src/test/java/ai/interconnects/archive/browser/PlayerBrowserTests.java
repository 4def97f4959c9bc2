package ai.interconnects.archive.browser;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in a real headless Chromium, playing a silent WAV served from 127.0.0.1 in
 * place of every episode's enclosure: timestamps seek the player, {@code ?t=} lands
 * there, the paragraph being played is highlighted and followed, and nothing logs an
 * error.
 */
class PlayerBrowserTests extends BrowserTestSupport {

	static final String EPISODE = "/episodes/" + DEAN_BALL;

	/** A little longer than the Dean Ball episode (35:11). */
	static final SilentAudio AUDIO = new SilentAudio(2200);

	/** The fixture feed with its audio and artwork on loopback (see LocalMedia). */
	@BeforeEach
	void feedWithLocalAudio() {
		restoreWithLocalMedia("interconnects-feed.xml", AUDIO);
		assertThat(this.jdbc.sql("select count(*) from episode where audio_url like 'http://127.0.0.1:%'")
			.query(Long.class)
			.single()).isEqualTo(11);
	}

	@AfterEach
	void noErrorsInTheBrowser() {
		if (this.driver == null) {
			return;
		}
		// Uncaught errors, failed loads and CSP violations all reach the console log.
		assertThat(Browser.severeConsoleMessages(this.driver)).isEmpty();
	}

	@Test
	void clickingAChapterTimeSeeksThePlayerWithoutLeavingThePage() {
		open(EPISODE);
		js("window.notReloaded = true");

		chapterTime(3).click();

		waitUntil("playing from 12:33", () -> !paused() && currentTime() >= 753 && currentTime() < 770);
		assertThat(js("return window.notReloaded")).isEqualTo(true);
		assertThat(this.driver.getCurrentUrl()).endsWith(EPISODE + "?t=753");
		waitUntil("chapter 3 marked as playing", () -> "time".equals(chapterItem(3).getAttribute("aria-current"))
				&& chapterItem(3).getAttribute("class").contains("is-current"));
		assertThat(chapterItem(2).getAttribute("aria-current")).isNull();

		chapterTime(5).click();
		waitUntil("playing from 28:20", () -> currentTime() >= 1700 && currentTime() < 1720);
		waitUntil("chapter 5 marked", () -> "time".equals(chapterItem(5).getAttribute("aria-current")));
		assertThat(chapterItem(3).getAttribute("aria-current")).isNull();
	}

	@Test
	void aSearchResultOpensTheEpisodeAtTheMomentItWasSaid() {
		open("/search?q=%22sovereign+wealth+funds%22");
		var moment = this.driver.findElement(By.cssSelector("a.search-time"));
		var href = moment.getAttribute("href");
		int seconds = Integer.parseInt(href.replaceAll(".*[?&]t=(\\d+).*", "$1"));
		assertThat(seconds).isEqualTo(11 * 60 + 31);

		moment.click();

		waitUntil("the episode page", () -> this.driver.getCurrentUrl().contains(EPISODE + "?t=" + seconds));
		assertThat((String) js("return document.querySelector('audio').getAttribute('src')")).endsWith("#t=" + seconds);
		js("document.querySelector('audio').play()");
		waitUntil("playing from 11:31", () -> !paused() && currentTime() >= seconds && currentTime() < seconds + 15);
	}

	@Test
	void openingATimeLinkPutsThePlayerThere() {
		open(EPISODE + "?t=12:34");

		assertThat((String) js("return document.querySelector('audio').getAttribute('src')")).endsWith("#t=754");
		js("document.querySelector('audio').play()");

		waitUntil("playing from 12:34", () -> !paused() && currentTime() >= 754 && currentTime() < 770);
	}

	@Test
	void aChapterPageIsReadyAtTheChapterStart() {
		open(EPISODE + "/chapters/4");

		js("document.querySelector('audio').play()");

		waitUntil("playing from 20:55", () -> !paused() && currentTime() >= 1255 && currentTime() < 1270);
		waitUntil("first paragraph of the chapter highlighted",
				() -> !this.driver.findElements(By.cssSelector("[data-segment].is-current")).isEmpty());
		var current = this.driver.findElement(By.cssSelector("[data-segment][aria-current=time]"));
		assertThat(Integer.parseInt(current.getAttribute("data-start"))).isBetween(1255, 1270);
	}

	@Test
	void theParagraphBeingPlayedIsHighlightedFollowedAndMovesOn() {
		open(EPISODE + "/transcript");
		var timestamps = this.driver.findElements(By.cssSelector("[data-segment] a.ts"));
		var target = timestamps.get(40);
		int start = Integer.parseInt(target.getAttribute("data-seek"));
		var segment = this.driver.findElement(By.cssSelector("[data-segment]:has(a.ts[data-seek='" + start + "'])"));
		js("arguments[0].scrollIntoView({block: 'center'})", target);

		target.click();

		waitUntil("the clicked paragraph highlighted", () -> segment.getAttribute("class").contains("is-current"));
		assertThat(segment.getAttribute("aria-current")).isEqualTo("time");
		assertThat(this.driver.findElements(By.cssSelector("[data-segment].is-current"))).hasSize(1);
		assertThat(currentTime()).isGreaterThanOrEqualTo(start);

		// The next paragraph takes over when the audio reaches it, and is scrolled into
		// view.
		var next = (WebElement) js(
				"return arguments[0].nextElementSibling.matches('[data-segment]')"
						+ " ? arguments[0].nextElementSibling : arguments[0].nextElementSibling.nextElementSibling",
				segment);
		int nextStart = Integer.parseInt(next.getAttribute("data-start"));
		js("window.scrollTo(0, 0)");
		js("document.querySelector('[data-follow-resume]').click()");
		js("document.querySelector('audio').currentTime = arguments[0]", nextStart - 0.5);
		waitUntil("the next paragraph highlighted", () -> next.getAttribute("class").contains("is-current"));
		assertThat(segment.getAttribute("class")).doesNotContain("is-current");
		waitUntil("the highlighted paragraph followed into view", () -> inViewport(next));
	}

	@Test
	void scrollingAwayStopsFollowingUntilTheReaderResumes() {
		open(EPISODE + "/transcript?t=754");
		js("document.querySelector('audio').play()");
		waitUntil("playing", () -> !paused() && currentTime() >= 754);
		var resume = this.driver.findElement(By.cssSelector("[data-follow-resume]"));
		assertThat(resume.isDisplayed()).isFalse();

		new Actions(this.driver).scrollByAmount(0, -2500).perform();

		waitUntil("a resume control offered", resume::isDisplayed);
		js("window.scrollTo(0, 0)");
		resume.click();
		waitUntil("the current paragraph back in view", () -> {
			var current = this.driver.findElements(By.cssSelector("[data-segment].is-current"));
			return !current.isEmpty() && inViewport(current.get(0));
		});
		assertThat(resume.isDisplayed()).isFalse();
	}

	@Test
	void theKeyboardPlaysPausesAndSkips() {
		open(EPISODE + "?t=600");
		var body = this.driver.findElement(By.tagName("body"));
		js("document.activeElement.blur()");

		body.sendKeys(" ");
		waitUntil("playing after space", () -> !paused() && currentTime() >= 600);
		body.sendKeys(" ");
		waitUntil("paused after space", this::paused);
		double before = currentTime();

		body.sendKeys(Keys.ARROW_RIGHT);
		waitUntil("15 s later", () -> Math.abs(currentTime() - (before + 15)) < 1);
		body.sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT);
		waitUntil("15 s earlier", () -> Math.abs(currentTime() - (before - 15)) < 1);

		// typing in the search box is left alone
		var search = this.driver.findElement(By.id("site-search-q"));
		search.sendKeys("a b");
		assertThat(search.getAttribute("value")).isEqualTo("a b");
		assertThat(paused()).isTrue();
	}

	@Test
	void everyParagraphOffersALinkToItsMomentThroughItsShareAction() {
		open(EPISODE + "/transcript");

		List<WebElement> buttons = this.driver.findElements(By.cssSelector("[data-segment] button.share-moment"));
		assertThat(buttons).hasSize(55);
		var button = buttons.get(1);
		js("arguments[0].scrollIntoView({block: 'center'})", button);
		new Actions(this.driver).moveToElement(button).click().perform();

		var menu = this.driver.findElement(By.cssSelector("[data-share-menu]"));
		waitUntil("the share menu open", menu::isDisplayed);
		assertThat(button.getAttribute("aria-expanded")).isEqualTo("true");
		menu.findElement(By.cssSelector("[data-copy-link]")).click();

		waitUntil("the link copied", () -> menu.getAttribute("data-copied") != null);
		var next = Integer
			.parseInt(buttons.get(2).findElement(By.xpath("ancestor::*[@data-segment]")).getAttribute("data-start"));
		assertThat(menu.getAttribute("data-copied")).isEqualTo(url(EPISODE + "/transcript?t=72," + next + "#t-72"));
		// said to screen readers; the button itself says "Copied"
		assertThat((String) js("return document.querySelector('[data-player-status]').textContent")).contains("copied");
	}

	private void open(String path) {
		this.driver.get(url(path));
		waitUntil("the script module ran",
				() -> "true".equals(js("return document.documentElement.dataset.enhanced || null")));
	}

	private WebElement chapterItem(int n) {
		return this.driver.findElements(By.cssSelector(".episode-chapters li[data-chapter]")).get(n - 1);
	}

	private WebElement chapterTime(int n) {
		return chapterItem(n).findElement(By.cssSelector("a.ts"));
	}

}
