package ai.interconnects.archive.support;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Fetches a page through MockMvc and parses it, so tests can ask about elements. */
public final class Html {

	private Html() {
	}

	public static MvcResult result(MockMvc mvc, String path) throws Exception {
		return mvc.perform(get(path)).andReturn();
	}

	public static Document page(MockMvc mvc, String path) throws Exception {
		var result = result(mvc, path);
		if (result.getResponse().getStatus() != 200) {
			throw new AssertionError(path + " answered " + result.getResponse().getStatus());
		}
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8), "http://localhost/");
	}

}
