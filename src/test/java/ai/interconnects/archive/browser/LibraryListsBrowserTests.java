package ai.interconnects.archive.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library's lists on a phone (390 px) and a desktop (1280 px): every chapter grouped
 * by show, a show's own chapters and list by year, the speakers with their shows and an
 * error page inside an episode, nothing wider than the screen; screenshots, light and
 * dark, go to {@code target/screenshots/library-lists}.
 */
class LibraryListsBrowserTests extends BrowserTestSupport {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots", "library-lists");

	@AfterEach
	void noErrorsInTheBrowser() {
		if (this.driver == null) {
			return;
		}
		Browser.emulateScreen(this.driver, 0, 0);
		this.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
	}

	/** The library of {@link #twoShowsWithLocalMedia}; the second show's slug. */
	private String twoShows() {
		twoShowsWithLocalMedia();
		return showSlug("Frontier Policy Hour");
	}

	@Test
	void everyChapterGroupedByShowFitsAPhoneAndADesktopLightAndDark() throws Exception {
		var frontier = "/shows/" + twoShows();
		var episode = this.jdbc
			.sql("select e.slug from episode e join podcast p on p.id = e.podcast_id"
					+ " where p.title = 'Frontier Policy Hour' order by e.published_at desc limit 1")
			.query(String.class)
			.single();
		var pages = new LinkedHashMap<String, String>();
		pages.put("chapters", "/chapters");
		pages.put("chapters-last", "/chapters?page=99");
		pages.put("show-chapters", frontier + "/chapters");
		pages.put("show-list", frontier + "?view=list");
		pages.put("show", frontier);
		pages.put("speakers", "/speakers");
		pages.put("not-found", frontier + "/episodes/" + episode + "/chapters/99");
		Files.createDirectories(SCREENSHOTS);
		for (var scheme : new String[] { "light", "dark" }) {
			for (int width : new int[] { 390, 1280 }) {
				Browser.emulateScreen(this.driver, width, 900);
				Browser.emulateColorScheme(this.driver, scheme);
				for (var page : pages.entrySet()) {
					this.driver.get(url(page.getValue()));
					long scroll = ((Number) js("return document.documentElement.scrollWidth")).longValue();
					assertThat(scroll).as("%s at %d px", page.getValue(), width).isLessThanOrEqualTo(width);
					save(page.getKey() + "-" + width + "-" + scheme);
				}
				this.driver.get(url("/chapters?page=99"));
				var headings = this.driver.findElements(By.cssSelector(".show-chapters-heading a"));
				assertThat(headings).isNotEmpty().allMatch((heading) -> heading.isDisplayed());
				assertThat(headings.get(headings.size() - 1).getText()).isEqualTo("Frontier Policy Hour");
			}
		}
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
