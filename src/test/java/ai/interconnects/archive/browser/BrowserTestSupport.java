package ai.interconnects.archive.browser;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import ai.interconnects.archive.support.LibraryShows;
import ai.interconnects.archive.support.PagesTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for all the tests of a class (skipped, or failed in CI, when it
 * is not installed), with the few page probes the browser tests share.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestSupport extends PagesTestSupport {

	ChromeDriver driver;

	@BeforeAll
	void startBrowser() {
		Browser.assumeInstalled();
		this.driver = Browser.start(1280, 900);
	}

	@AfterAll
	void stopBrowser() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	/**
	 * The archive of {@code feed} (a fixture feed with a backup), restored without a
	 * poll, its audio served by the feed server ({@code audio}; null: a 404 there) and
	 * its artwork by the app, so the browser never reaches for the network.
	 */
	void restoreWithLocalMedia(String feed, SilentAudio audio) {
		restore(feed, (backup) -> LocalMedia.local(backup, feeds, audio, url("")));
	}

	/**
	 * A library of two shows whose audio is served from the feed server (no network):
	 * Interconnects, then Frontier Policy Hour through the real poll.
	 */
	void twoShowsWithLocalMedia() {
		restoreWithLocalMedia("interconnects-feed.xml", null);
		LibraryShows.add(this.jdbc, this.polls, feeds,
				LocalMedia.feed(LibraryShows.fixture(feeds, "frontier-policy-substack.xml"), feeds, null, url("")));
	}

	Object js(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	void waitUntil(String what, BooleanSupplier condition) {
		new WebDriverWait(this.driver, Duration.ofSeconds(15)).withMessage(what)
			.until((driver) -> condition.getAsBoolean());
	}

	double currentTime() {
		return ((Number) js("return document.querySelector('audio').currentTime")).doubleValue();
	}

	boolean paused() {
		return Boolean.TRUE.equals(js("return document.querySelector('audio').paused"));
	}

	boolean inViewport(WebElement element) {
		return Boolean.TRUE.equals(js("const r = arguments[0].getBoundingClientRect();"
				+ " return r.top >= 0 && r.bottom <= window.innerHeight;", element));
	}

}
