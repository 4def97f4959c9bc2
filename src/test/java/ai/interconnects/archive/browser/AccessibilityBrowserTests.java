package ai.interconnects.archive.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (vendored in {@code src/test/resources/axe}, see its README) over every public
 * page, at phone and desktop widths, light and dark: no serious or critical violation.
 * The transcript is also checked with its share buttons shown, on paragraphs that match a
 * search, so the small button text is checked against the highlighted background.
 */
class AccessibilityBrowserTests extends BrowserTestSupport {

	static final String EPISODE = "/episodes/" + DEAN_BALL;

	static final List<String> PAGES = List.of("/", "/?page=2", "/chapters", EPISODE, EPISODE + "?t=754,801",
			"/episodes/what-comes-next-with-open-models", EPISODE + "/transcript", EPISODE + "/transcript?t=754,801",
			EPISODE + "/transcript?q=sovereign", EPISODE + "/transcript?q=zeppelin", EPISODE + "/chapters/2", "/search",
			"/search?q=tariffs", "/search?q=zeppelinx", "/speakers", "/speakers/dean-ball", "/speakers/nathan-lambert",
			"/?view=list", "/api", "/episodes/no-such-episode");

	String axe;

	@BeforeAll
	void loadAxe() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/axe/axe.min.js")) {
			this.axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void noPublicPageHasASeriousOrCriticalViolation() {
		restoreWithLocalMedia("interconnects-feed.xml", PlayerBrowserTests.AUDIO);
		var problems = new ArrayList<String>();
		for (var scheme : List.of("light", "dark")) {
			Browser.emulateColorScheme(this.driver, scheme);
			for (int width : new int[] { 390, 1280 }) {
				Browser.emulateScreen(this.driver, width, 844);
				for (var path : PAGES) {
					problems.addAll(check(path, scheme, width, null));
				}
				problems.addAll(check(EPISODE + "/transcript?q=sovereign", scheme, width,
						"document.querySelectorAll('[data-segment]').forEach((p) => p.classList.add('is-active'))"));
			}
		}
		Browser.emulateScreen(this.driver, 0, 0);
		Browser.emulateColorScheme(this.driver, "light");
		assertThat(problems).isEmpty();
	}

	@Test
	void theCheckItselfCatchesAViolation() {
		restoreWithLocalMedia("interconnects-feed.xml", PlayerBrowserTests.AUDIO);

		var problems = check("/speakers", "light", 1280,
				"const img = document.createElement('img'); img.src = '/favicon.svg'; document.querySelector('main').append(img)");

		assertThat(problems).anyMatch((problem) -> problem.contains("image-alt (critical)"));
	}

	@SuppressWarnings("unchecked")
	private List<String> check(String path, String scheme, int width, String prepare) {
		this.driver.get(url(path));
		new WebDriverWait(this.driver, Duration.ofSeconds(15))
			.until((d) -> "true".equals(js("return document.documentElement.dataset.enhanced || null")));
		if (prepare != null) {
			js(prepare);
		}
		// colours are measured as they stand: let fades (the share buttons' opacity
		// transition) finish first
		new WebDriverWait(this.driver, Duration.ofSeconds(5)).until((d) -> Boolean.TRUE
			.equals(js("return document.getAnimations().every((a) => a.playState !== 'running')")));
		// axe is injected by the test, not served: the page's content policy is not
		// involved.
		js(this.axe);
		var result = (Map<String, Object>) ((JavascriptExecutor) this.driver).executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						axe.run(document, { resultTypes: ['violations'] })
							.then((r) => done({ violations: r.violations
								.filter((v) => v.impact === 'serious' || v.impact === 'critical')
								.map((v) => v.id + ' (' + v.impact + '): '
									+ v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' ' + (n.failureSummary || '')).join(' | ')) }))
							.catch((e) => done({ violations: ['axe failed: ' + e] }));
						""");
		var violations = (List<String>) result.get("violations");
		return violations.stream().map((v) -> path + " " + scheme + " " + width + "px: " + v).toList();
	}

}
