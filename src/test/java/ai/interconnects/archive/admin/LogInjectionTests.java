package ai.interconnects.archive.admin;

import java.nio.charset.StandardCharsets;

import ai.interconnects.archive.LogText;
import ai.interconnects.archive.poll.PollService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Text from outside cannot forge log lines: a newline in a feed item's title or in a
 * username typed at the sign-in form stays inside its own line, escaped.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogInjectionTests extends AdminTestBase {

	private static final String FORGED = "2026-01-01T00:00:00.000Z ERROR 1 --- [main] FORGED: the archive was hacked";

	@Autowired
	PollService polls;

	@Autowired
	MockMvc mvc;

	@Test
	void aNewlineInAnItemTitleDoesNotStartANewLogLine(CapturedOutput output) {
		var item = """
				<item><title>Episode one&#10;%s</title><guid>same-guid</guid>
				<link>https://example.com/p/one</link><pubDate>Mon, 06 Jan 2025 10:00:00 GMT</pubDate>
				<description>&lt;p&gt;notes&lt;/p&gt;</description></item>""".formatted(FORGED);
		var feed = """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>Feed</title><link>https://example.com</link>
				<description>d</description>%s%s</channel></rss>""".formatted(item, item);
		server.respond("/feed.xml", 200, feed.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/rss+xml");

		this.polls.poll().orElseThrow();

		// the duplicate item is logged, its title escaped on the same line
		assertThat(output.getOut()).contains("Episode one\\n" + FORGED);
		assertThat(output.getOut().lines()).noneMatch((line) -> line.startsWith(FORGED));
	}

	@Test
	void aNewlineInAUsernameDoesNotStartANewLogLine(CapturedOutput output) throws Exception {
		var username = "nobody\r\n" + FORGED;
		for (int i = 0; i < 6; i++) {
			this.mvc.perform(post("/admin/login").param("username", username)
				.param("password", "wrong")
				.with(csrf())
				.with((request) -> {
					request.setRemoteAddr("127.0.0.66");
					return request;
				}));
		}
		// the sixth attempt is refused and logged
		assertThat(output.getOut()).contains("Refused an admin sign-in attempt for '" + LogText.of(username) + "'");
		assertThat(output.getOut().lines()).noneMatch((line) -> line.startsWith(FORGED));
	}

}
