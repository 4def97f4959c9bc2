package ai.interconnects.archive.admin;

import ai.interconnects.archive.poll.PollService;
import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.FeedServerExtension;
import ai.interconnects.archive.support.WithFeedServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Without an admin password the admin area is disabled, not open. */
@WithFeedServer
@ArchiveTest(properties = { "archive.poll.enabled=false", "archive.admin.password=" })
@AutoConfigureMockMvc
class AdminDisabledTests {

	static final FeedServer server = FeedServerExtension.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	PollService polls;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAdminAreaSaysItIsDisabledAndShowsNoData() throws Exception {
		DatabaseCleaner.clean(this.jdbc);
		server.respond("/feed.xml", 200, FeedServer.resource("/feeds/interconnects-feed.xml"), "Content-Type",
				"application/rss+xml");
		this.polls.poll().orElseThrow();

		for (var path : new String[] { "/admin", "/admin/login", "/admin/anything" }) {
			this.mvc.perform(get(path).accept(MediaType.TEXT_HTML))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("The admin area is disabled")))
				.andExpect(content().string(containsString("ARCHIVE_ADMIN_PASSWORD")))
				.andExpect(content().string(not(containsString("SUCCESS"))))
				.andExpect(content().string(not(containsString(server.url("/feed.xml").toString()))));
		}
		// nobody can sign in, whatever they send
		this.mvc.perform(post("/admin/login").param("username", "admin").param("password", "").with(csrf()))
			.andExpect(status().isNotFound())
			.andExpect(unauthenticated());
		this.mvc.perform(post("/admin/poll").with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void onlyHealthAndInfoAreOpenOnTheActuator() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/info")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
	}

}
