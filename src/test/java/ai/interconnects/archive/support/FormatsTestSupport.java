package ai.interconnects.archive.support;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Base of the tests of the archive's files, feed, sitemap and JSON API: the reading
 * pages' setup with small documents (four episodes a feed page, a sitemap index beyond 50
 * URLs, four episodes an API page) so the eleven-episode fixture spans several, and a
 * rate limit the tests never reach.
 */
@ArchiveTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "archive.poll.enabled=false", "archive.pages.page-size=4",
				"archive.syndication.feed-page-size=4", "archive.syndication.sitemap-max-urls=20",
				"archive.api.page-size=4", "archive.api.burst=100000" })
public abstract class FormatsTestSupport extends PagesTestSupport {

	protected MvcResult get200(String path) throws Exception {
		var result = this.mvc.perform(get(path)).andReturn();
		if (result.getResponse().getStatus() != 200) {
			throw new AssertionError(path + " answered " + result.getResponse().getStatus() + ": "
					+ result.getResponse().getContentAsString());
		}
		return result;
	}

	protected String body(String path) throws Exception {
		return get200(path).getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
