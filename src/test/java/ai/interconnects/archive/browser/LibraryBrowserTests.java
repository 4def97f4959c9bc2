package ai.interconnects.archive.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library's home and a show's page on a phone (390 px) and a desktop (1280 px): every
 * show card whole, the show's search box shown, nothing wider than the screen.
 * Screenshots of the home, {@code /shows}, a show's page and an episode of the second
 * show, light and dark, go to {@code target/screenshots/library}.
 */
class LibraryBrowserTests extends BrowserTestSupport {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots", "library");

	@AfterEach
	void noErrorsInTheBrowser() {
		if (this.driver == null) {
			return;
		}
		var messages = Browser.severeConsoleMessages(this.driver);
		Browser.emulateScreen(this.driver, 0, 0);
		this.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		assertThat(messages).isEmpty();
	}

	@Test
	void theLibraryHomeAndAShowPageFitAPhoneAndADesktop() {
		twoShowsWithLocalMedia();
		var frontier = "/shows/" + showSlug("Frontier Policy Hour");
		for (int width : new int[] { 390, 1280 }) {
			Browser.emulateScreen(this.driver, width, 800);
			this.driver.get(url("/"));
			var cards = this.driver.findElements(By.cssSelector(".show-card"));
			assertThat(cards).hasSize(2);
			for (var card : cards) {
				assertThat(right(card)).as("%d px: a whole card", width).isLessThanOrEqualTo(width);
				assertThat(card.findElement(By.cssSelector(".show-card-title a")).isDisplayed()).isTrue();
			}
			assertNothingWiderThanTheScreen(width);
			assertThat(this.driver.findElements(By.cssSelector(".newest-rows li"))).isNotEmpty();

			this.driver.get(url(frontier));
			assertThat(this.driver.findElements(By.cssSelector(".episode-card"))).hasSize(3);
			var search = this.driver.findElement(By.cssSelector("form.show-search input[type=search]"));
			assertThat(search.isDisplayed()).isTrue();
			assertNothingWiderThanTheScreen(width);
		}
	}

	@Test
	void screenshotsOfTheLibraryLightAndDark() throws Exception {
		twoShowsWithLocalMedia();
		var frontier = "/shows/" + showSlug("Frontier Policy Hour");
		var episode = this.jdbc
			.sql("select e.slug from episode e join podcast p on p.id = e.podcast_id"
					+ " where p.title = 'Frontier Policy Hour' order by e.published_at desc limit 1")
			.query(String.class)
			.single();
		var pages = Map.of("home", "/", "shows", "/shows", "show", frontier, "episode",
				frontier + "/episodes/" + episode);
		Files.createDirectories(SCREENSHOTS);
		for (var scheme : new String[] { "light", "dark" }) {
			for (int width : new int[] { 390, 1280 }) {
				Browser.emulateScreen(this.driver, width, 900);
				Browser.emulateColorScheme(this.driver, scheme);
				for (var page : pages.entrySet()) {
					this.driver.get(url(page.getValue()));
					assertNothingWiderThanTheScreen(width);
					save(page.getKey() + "-" + width + "-" + scheme);
				}
			}
		}
	}

	private void assertNothingWiderThanTheScreen(int width) {
		long scroll = ((Number) js("return document.documentElement.scrollWidth")).longValue();
		assertThat(scroll).as("%s at %d px", this.driver.getCurrentUrl(), width).isLessThanOrEqualTo(width);
	}

	private long right(org.openqa.selenium.WebElement element) {
		return Math.round(((Number) js("return arguments[0].getBoundingClientRect().right", element)).doubleValue());
	}

	private void save(String name) {
		try {
			Files.write(SCREENSHOTS.resolve(name + ".png"), this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
