package ai.interconnects.archive.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a listener expects of the player, at a phone's width and a desktop's: controls on
 * screen (±15 s, a remembered speed, previous and next chapter), the place in each
 * episode kept in the browser and offered back ("Resume at"), the keyboard, the lock
 * screen (Media Session) and the phone's own share sheet.
 */
class ListeningBrowserTests extends BrowserTestSupport {

	static final String EPISODE = "/episodes/" + DEAN_BALL;

	static final String TRANSCRIPT = EPISODE + "/transcript";

	@BeforeEach
	void localAudioAndAFreshBrowserStore() {
		restoreWithLocalMedia("interconnects-feed.xml", PlayerBrowserTests.AUDIO);
		this.driver.get(url("/speakers"));
		js("localStorage.clear()");
	}

	/**
	 * Scripts the test runs in each page before the page's own (removed after the test).
	 */
	private final List<Object> pageScripts = new ArrayList<>();

	void beforeEachPage(String source) {
		this.pageScripts
			.add(this.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source))
				.get("identifier"));
	}

	@AfterEach
	void noErrorsInTheBrowser() {
		if (this.driver != null) {
			this.pageScripts.forEach((id) -> this.driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
					Map.of("identifier", id)));
			this.pageScripts.clear();
			Browser.emulateScreen(this.driver, 0, 0);
			assertThat(Browser.severeConsoleMessages(this.driver)).isEmpty();
		}
	}

	@Test
	void theControlsSkipAndTheSpeedIsRemembered() {
		for (int width : new int[] { 390, 1280 }) {
			Browser.emulateScreen(this.driver, width, 844);
			open(EPISODE + "?t=600");
			waitUntil("the audio at 10:00", () -> currentTime() >= 599);

			this.driver.findElement(By.cssSelector("[data-skip='15']")).click();
			waitUntil("15 s later", () -> Math.abs(currentTime() - 615) < 1);
			this.driver.findElement(By.cssSelector("[data-skip='-15']")).click();
			this.driver.findElement(By.cssSelector("[data-skip='-15']")).click();
			waitUntil("15 s earlier", () -> Math.abs(currentTime() - 585) < 1);
			var time = this.driver.findElement(By.cssSelector("[data-time]"));
			waitUntil("the time shown", () -> time.getText().equals("9:45"));

			var speed = this.driver.findElement(By.cssSelector("[data-speed]"));
			speed.click();
			assertThat(speed.getText()).isEqualTo("1.25×");
			assertThat(((Number) js("return document.querySelector('audio').playbackRate")).doubleValue())
				.isEqualTo(1.25);
			open(TRANSCRIPT);
			assertThat(this.driver.findElement(By.cssSelector("[data-speed]")).getText()).as("remembered")
				.isEqualTo("1.25×");
			js("localStorage.clear()");
		}
	}

	@Test
	void thePlaceInAnEpisodeIsOfferedBackOnItsCardAndPage() {
		open(EPISODE + "?t=1394");
		js("document.querySelector('audio').play()");
		waitUntil("playing from 23:14", () -> !paused() && currentTime() >= 1394);
		js("document.querySelector('audio').pause()");
		waitUntil("paused", this::paused);

		open("/?page=2");
		var card = this.driver.findElement(By.cssSelector("[data-place-for='" + DEAN_BALL + "'] a"));
		assertThat(card.getText()).matches("Resume at 23:1\\d");
		assertThat(card.getAttribute("href")).contains(EPISODE + "?t=139");

		open(EPISODE);
		var resume = this.driver.findElement(By.cssSelector(".episode-place a"));
		assertThat(resume.getText()).startsWith("Resume at 23:1");
		resume.click();
		waitUntil("playing from where it was left", () -> !paused() && currentTime() >= 1394);
		assertThat(this.driver.getCurrentUrl()).contains(EPISODE);

		// heard to the end: played
		js("const a = document.querySelector('audio'); a.currentTime = a.duration - 0.5;");
		waitUntil("ended", () -> Boolean.TRUE.equals(js("return document.querySelector('audio').ended")));
		open("/?view=list");
		assertThat(this.driver.findElement(By.cssSelector("[data-place-for='" + DEAN_BALL + "']")).getText())
			.isEqualTo("Played");
	}

	@Test
	void theKeyboardReachesSearchParagraphsChaptersAndTheList() {
		open(TRANSCRIPT);
		js("document.activeElement.blur()");

		press("/");
		assertThat(js("return document.activeElement.id")).isEqualTo("transcript-q");
		js("document.activeElement.blur(); window.scrollTo(0, 0)");

		press("j");
		press("j");
		assertThat(js(
				"return document.activeElement.closest('[data-segment]') === document.querySelectorAll('[data-segment]')[1]"))
			.isEqualTo(true);
		press("k");
		assertThat(js(
				"return document.activeElement.closest('[data-segment]') === document.querySelectorAll('[data-segment]')[0]"))
			.isEqualTo(true);

		js("document.activeElement.blur()");
		press("n");
		waitUntil("the next chapter's heading near the top",
				() -> ((Number) js("return document.getElementById('chapter-2').getBoundingClientRect().top"))
					.doubleValue() < 200);

		press("?");
		var dialog = this.driver.findElement(By.cssSelector("dialog.shortcuts-dialog"));
		assertThat(dialog.isDisplayed()).isTrue();
		assertThat(dialog.getText()).contains("play or pause", "next or previous paragraph", "next or previous chapter",
				"follow the audio");
		dialog.sendKeys(Keys.ESCAPE);
		waitUntil("the list closed", () -> !dialog.isDisplayed());
	}

	@Test
	void theLockScreenShowsTheChapterAndCanSkipChapters() {
		// record the handlers the page gives the Media Session, so the test can press
		// them
		beforeEachPage("""
				window.sessionHandlers = {};
				const set = navigator.mediaSession.setActionHandler.bind(navigator.mediaSession);
				navigator.mediaSession.setActionHandler = (action, handler) => {
					window.sessionHandlers[action] = handler; set(action, handler); };
				""");
		open(TRANSCRIPT + "?t=760");
		js("document.querySelector('audio').play()");
		waitUntil("playing", () -> !paused() && currentTime() >= 760);

		waitUntil("the chapter on the lock screen", () -> "Sovereign AI and global demand for alternatives"
			.equals(js("return navigator.mediaSession.metadata && navigator.mediaSession.metadata.title")));
		assertThat(js("return navigator.mediaSession.metadata.album"))
			.isEqualTo("Dean Ball on open models and government control");

		js("window.sessionHandlers.nexttrack()");
		waitUntil("at chapter 4", () -> currentTime() >= 1255 && currentTime() < 1270);
		js("window.sessionHandlers.seekbackward({})");
		waitUntil("15 s back", () -> currentTime() >= 1238 && currentTime() < 1250);
	}

	@Test
	void onAPhoneAMomentGoesToTheShareSheetAndItsQuoteCardCanBeDownloaded() {
		beforeEachPage("""
				window.shared = null;
				navigator.share = (data) => { window.shared = data; return Promise.resolve(); };
				""");
		Browser.emulateScreen(this.driver, 390, 844);
		open(TRANSCRIPT);
		var paragraph = this.driver.findElement(By.id("t-72"));
		js("arguments[0].scrollIntoView({block: 'center'})", paragraph);
		paragraph.findElement(By.cssSelector(".segment-text")).click();
		paragraph.findElement(By.cssSelector("button.share-moment")).click();

		var menu = this.driver.findElement(By.cssSelector("[data-share-menu]"));
		waitUntil("the share menu open", menu::isDisplayed);
		var card = menu.findElement(By.cssSelector("a[data-quote-card]"));
		assertThat(card.getAttribute("href")).matches(".*" + EPISODE + "/quote\\.png\\?t=72,\\d+");
		assertThat(card.getAttribute("download")).isNotNull();
		menu.findElement(By.cssSelector("[data-native-share]")).click();

		waitUntil("shared", () -> js("return window.shared") != null);
		assertThat((String) js("return window.shared.url")).matches(".*" + TRANSCRIPT + "\\?t=72,\\d+#t-72");
		assertThat((String) js("return window.shared.text")).startsWith("“My guess is that");
	}

	/** A key typed where the focus is, as a reader types it. */
	private void press(CharSequence key) {
		new Actions(this.driver).sendKeys(key).perform();
	}

	private void open(String path) {
		this.driver.get(url(path));
		waitUntil("the script module ran",
				() -> "true".equals(js("return document.documentElement.dataset.enhanced || null")));
	}

}
