package ai.interconnects.archive.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Chromium from the system packages ({@code apt-get install chromium
 * chromium-driver}). Both paths are always given explicitly, so Selenium Manager never
 * downloads a browser or a driver. Without them the browser tests are skipped, unless
 * {@code ARCHIVE_REQUIRE_BROWSER=true} (CI), where they fail.
 */
final class Browser {

	static final File CHROMIUM = new File(System.getenv().getOrDefault("ARCHIVE_CHROMIUM", "/usr/bin/chromium"));

	static final File CHROMEDRIVER = new File(
			System.getenv().getOrDefault("ARCHIVE_CHROMEDRIVER", "/usr/bin/chromedriver"));

	private Browser() {
	}

	/**
	 * Skips the calling tests when there is no browser, or fails them when one is
	 * required.
	 */
	static void assumeInstalled() {
		boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
		if (!installed && "true".equalsIgnoreCase(System.getenv("ARCHIVE_REQUIRE_BROWSER"))) {
			throw new IllegalStateException("ARCHIVE_REQUIRE_BROWSER=true but " + CHROMIUM + " or " + CHROMEDRIVER
					+ " is missing: apt-get install -y chromium chromium-driver");
		}
		assumeTrue(installed, "No " + CHROMIUM + " and " + CHROMEDRIVER + ": browser tests skipped");
	}

	static ChromeDriver start(int width, int height) {
		try {
			var profile = Files.createTempDirectory("archive-chromium");
			var options = new ChromeOptions();
			options.setBinary(CHROMIUM);
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--autoplay-policy=no-user-gesture-required", "--mute-audio",
					"--window-size=" + width + "," + height, "--user-data-dir=" + profile);
			var logs = new LoggingPreferences();
			logs.enable(LogType.BROWSER, Level.ALL);
			options.setCapability("goog:loggingPrefs", logs);
			var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
				.usingAnyFreePort()
				.withTimeout(Duration.ofSeconds(60))
				.build();
			var driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
			// Pages may be kept for 60 s (Cache-Control: max-age=60), as a reader's
			// browser
			// would; each test re-ingests the archive and must see its own pages.
			driver.executeCdpCommand("Network.enable", Map.of());
			driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
			return driver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Lays pages out at {@code width} × {@code height} CSS pixels as a phone would
	 * (headless Chromium keeps windows at least 500 px wide, so narrow widths need
	 * emulation); {@code width} 0 goes back to the window's own size.
	 */
	static void emulateScreen(ChromeDriver driver, int width, int height) {
		if (width == 0) {
			driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
			return;
		}
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
	}

	/** Emulates {@code prefers-color-scheme} ("light" or "dark"). */
	static void emulateColorScheme(ChromeDriver driver, String scheme) {
		driver.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
	}

	/** Console messages at SEVERE level (errors, failed loads, CSP violations). */
	static List<String> severeConsoleMessages(ChromeDriver driver) {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	/**
	 * The severe console messages, leaving out those containing {@code expected} (a
	 * failure the test provokes on purpose; null leaves out none).
	 */
	static List<String> severeConsoleMessagesExcept(ChromeDriver driver, String expected) {
		return severeConsoleMessages(driver).stream()
			.filter((message) -> expected == null || !message.contains(expected))
			.toList();
	}

}
