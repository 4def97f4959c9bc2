package ai.interconnects.archive.admin;

import java.nio.charset.StandardCharsets;
import java.util.List;

import ai.interconnects.archive.poll.LibraryAdditions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ShowsAdminTests extends AdminTestBase {

	@Autowired
	MockMvc mvc;

	private static final RequestPostProcessor OPERATOR = user(USERNAME).roles("ADMIN");

	@Test
	void theShowsPagesNeedASignInAndEveryActionACsrfToken() throws Exception {
		this.mvc.perform(get("/admin/shows").accept(org.springframework.http.MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/admin/login"));
		this.mvc.perform(post("/admin/shows/add").param("feedUrl", server.url("/feed.xml").toString()).with(OPERATOR))
			.andExpect(status().isForbidden());
		assertThat(count("podcast")).isZero();
	}

	@Test
	void aFeedAddressIsCheckedByFetchingItAndANonFeedIsRefusedWithAClearMessage() throws Exception {
		server.respond("/page.html", 200, "<html><body>Hello</body></html>".getBytes(StandardCharsets.UTF_8),
				"Content-Type", "text/html");
		assertThat(flash(this.mvc.perform(add(server.url("/page.html").toString())).andReturn()))
			.startsWith("Not added: ")
			.contains("is not a podcast feed");
		assertThat(flash(this.mvc.perform(add("ftp://example.org/feed.xml")).andReturn())).startsWith("Not added: ");
		assertThat(count("podcast")).isZero();

		server.respond("/other.xml", 200, FIXTURE, "Content-Type", "application/rss+xml");
		assertThat(flash(this.mvc.perform(add(server.url("/other.xml").toString())).andReturn()))
			.startsWith("Added \"Interconnects\"");
		assertThat(this.jdbc.sql("select origin from podcast").query(String.class).single()).isEqualTo("FORM");
		assertThat(flash(this.mvc.perform(add(server.url("/other.xml").toString())).andReturn()))
			.contains("already in the library");
	}

	@Test
	@SuppressWarnings("unchecked")
	void anOpmlUploadReportsEveryOutline() throws Exception {
		var file = new MockMultipartFile("opml", "shows.opml", "text/x-opml", """
				<?xml version="1.0"?>
				<opml version="1.0"><body>
				<outline type="rss" text="One" xmlUrl="https://one.example.com/rss"/>
				<outline type="rss" text="One again" xmlUrl="https://one.example.com/rss/"/>
				<outline type="rss" text="Local" xmlUrl="file:///etc/passwd"/>
				</body></opml>""".getBytes(StandardCharsets.UTF_8));

		var result = this.mvc.perform(multipart("/admin/shows/opml").file(file).with(OPERATOR).with(csrf()))
			.andExpect(redirectedUrl("/admin/shows"))
			.andReturn();

		var additions = (List<LibraryAdditions.Addition>) result.getFlashMap().get("additions");
		assertThat(additions).extracting(LibraryAdditions.Addition::result)
			.containsExactly(LibraryAdditions.Result.ADDED, LibraryAdditions.Result.REFUSED,
					LibraryAdditions.Result.REFUSED);
		assertThat(additions.get(2).reason()).isNotBlank();
		this.mvc.perform(get("/admin/shows").with(OPERATOR).flashAttr("additions", additions))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("One again")));

		var hostile = new MockMultipartFile("opml", "x.opml", "text/x-opml",
				ai.interconnects.archive.support.FeedServer.resource("/opml/doctype-xxe.opml"));
		assertThat(flash(
				this.mvc.perform(multipart("/admin/shows/opml").file(hostile).with(OPERATOR).with(csrf())).andReturn()))
			.startsWith("The file was refused whole");
		assertThat(count("podcast")).isOne();
	}

	@Test
	void aShowIsPausedPolledAndRemovedOnlyWhenTheRemovalIsConfirmed() throws Exception {
		server.respond("/other.xml", 200, FIXTURE, "Content-Type", "application/rss+xml");
		this.mvc.perform(add(server.url("/other.xml").toString()));
		long id = this.jdbc.sql("select id from podcast").query(Long.class).single();

		assertThat(
				flash(this.mvc.perform(post("/admin/shows/" + id + "/poll").with(OPERATOR).with(csrf())).andReturn()))
			.startsWith("Poll finished: SUCCESS");
		assertThat(count("episode")).isPositive();
		this.mvc.perform(get("/admin/shows/" + id).with(OPERATOR))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("class=\"poll-run")));

		this.mvc.perform(post("/admin/shows/" + id + "/pause").with(OPERATOR).with(csrf()));
		assertThat(this.jdbc.sql("select paused_at is not null from podcast").query(Boolean.class).single()).isTrue();
		this.mvc.perform(post("/admin/shows/" + id + "/resume").with(OPERATOR).with(csrf()));
		assertThat(this.jdbc.sql("select paused_at is null from podcast").query(Boolean.class).single()).isTrue();

		assertThat(flash(this.mvc
			.perform(post("/admin/shows/" + id + "/remove").param("confirm", "yes").with(OPERATOR).with(csrf()))
			.andReturn())).startsWith("Not removed");
		assertThat(count("episode")).isPositive();

		assertThat(flash(this.mvc
			.perform(post("/admin/shows/" + id + "/remove").param("confirm", "remove").with(OPERATOR).with(csrf()))
			.andReturn())).startsWith("Show removed");
		assertThat(count("episode")).isZero();
		assertThat(count("transcript_segment")).isZero();
		assertThat(this.jdbc.sql("select removed_at is not null from podcast").query(Boolean.class).single()).isTrue();

		// the form restores it
		assertThat(flash(this.mvc.perform(add(server.url("/other.xml").toString())).andReturn()))
			.startsWith("Restored");
	}

	private static org.springframework.test.web.servlet.RequestBuilder add(String url) {
		return post("/admin/shows/add").param("feedUrl", url).with(OPERATOR).with(csrf());
	}

	private static String flash(MvcResult result) {
		return String.valueOf(result.getFlashMap().get("message"));
	}

}
