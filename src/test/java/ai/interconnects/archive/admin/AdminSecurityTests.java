package ai.interconnects.archive.admin;

import ai.interconnects.archive.poll.PollRun;
import ai.interconnects.archive.poll.PollService;
import ai.interconnects.archive.support.PollLockRows;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who gets into the admin area and the actuator, and what Spring Security leaves alone.
 */
class AdminSecurityTests extends AdminTestBase {

	@Autowired
	MockMvc mvc;

	@Autowired
	PollService polls;

	@Test
	void anonymousAdminIsRedirectedToTheLoginPage() throws Exception {
		this.mvc.perform(get("/admin").accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/login"));
		this.mvc.perform(get("/admin/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Admin sign-in")))
			// the login form carries the CSRF token as a hidden field
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void aPostWithoutCsrfTokenIsRefusedEvenForTheAdmin() throws Exception {
		serveFixture();
		this.mvc.perform(post("/admin/poll").with(user(USERNAME).roles("ADMIN"))).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/login").param("username", USERNAME).param("password", PASSWORD))
			.andExpect(status().isForbidden())
			.andExpect(unauthenticated());
		assertThat(server.requests()).isEmpty();
	}

	@Test
	void aWrongPasswordIsRefused() throws Exception {
		this.mvc.perform(login(USERNAME, "wrong password", "127.0.0.2"))
			.andExpect(redirectedUrl("/admin/login?error"))
			.andExpect(unauthenticated());
		this.mvc.perform(login("someone", PASSWORD, "127.0.0.2"))
			.andExpect(redirectedUrl("/admin/login?error"))
			.andExpect(unauthenticated());
	}

	@Test
	void theRightPasswordShowsTheRealPollHistory() throws Exception {
		serveFixture();
		var success = this.polls.poll().orElseThrow();
		server.respond("/feed.xml", 503, "down for maintenance".getBytes(), "Retry-After", "120");
		var failure = this.polls.poll().orElseThrow();
		this.jdbc.sql("insert into poll_item_failure (poll_run_id, item_key, item_title, message) values (?, ?, ?, ?)")
			.params(success.getId(), "guid-x", "A broken item", "IllegalStateException: no title")
			.update();

		var session = signIn();
		var page = this.mvc.perform(get("/admin").session(session))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains(server.url("/feed.xml").toString())
			.contains("&quot;fixture-1&quot;")
			.contains("SUCCESS")
			.contains("11 / 11 / 0 / 0 / 0")
			.contains("FAILED")
			.contains("503")
			.contains(failure.getMessage())
			.contains("A broken item")
			.contains("IllegalStateException: no title")
			.contains("<span id=\"count-episodes\">11</span>");
		// newest first
		assertThat(page.indexOf("FAILED")).isLessThan(page.indexOf("SUCCESS"));
		assertThat(page).contains("Consecutive failures").contains("<strong id=\"feed-status\">ACTIVE</strong>");
	}

	@Test
	void afterFiveFailuresAnAddressMustWaitButTheOwnerElsewhereIsNotLockedOut() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(login(USERNAME, "guess " + i, "127.0.0.3")).andExpect(redirectedUrl("/admin/login?error"));
		}
		this.mvc.perform(login(USERNAME, PASSWORD, "127.0.0.3"))
			.andExpect(redirectedUrl("/admin/login?blocked=10"))
			.andExpect(unauthenticated());
		this.mvc.perform(get("/admin/login?blocked=10"))
			.andExpect(content().string(containsString("Too many failed sign-in attempts")))
			.andExpect(content().string(containsString("10 s")));
		// a rotating X-Forwarded-For from a peer that is not a trusted proxy changes
		// nothing
		this.mvc.perform(login(USERNAME, PASSWORD, "127.0.0.3").header("X-Forwarded-For", "203.0.113.9"))
			.andExpect(redirectedUrl("/admin/login?blocked=10"));
		// the account itself is not locked: the owner signs in from elsewhere
		this.mvc.perform(login(USERNAME, PASSWORD, "127.0.0.4")).andExpect(authenticated());
	}

	@Test
	void infoShowsTheBuildToEveryoneAndTheJvmOnlyToTheAdmin() throws Exception {
		this.mvc.perform(get("/actuator/info"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.build.version").exists())
			.andExpect(jsonPath("$.java").doesNotExist());
		this.mvc.perform(get("/actuator/info").session(signIn()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.build.version").exists())
			.andExpect(jsonPath("$.java.version").exists());
	}

	@Test
	void aStaleLockLeftByADeadInstanceIsShownAndCanBeBroken() throws Exception {
		serveFixture();
		this.polls.podcast();
		holdPollLockAsAnotherInstance();
		// its last heartbeat was five minutes ago: that instance is gone
		PollLockRows.heartbeat(this.jdbc, "dead-host pid 42", "re-parse", 300);
		var session = signIn();
		this.mvc.perform(get("/admin").session(session))
			.andExpect(content().string(containsString("left by an instance that stopped")))
			.andExpect(content().string(containsString("dead-host pid 42")))
			.andExpect(content().string(containsString("Break the stale lock")));
		// no CSRF token, no breaking
		this.mvc.perform(post("/admin/lock/break").session(session)).andExpect(status().isForbidden());

		this.mvc.perform(post("/admin/lock/break").with(csrf()).session(session))
			.andExpect(redirectedUrl("/admin"))
			.andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("message")))
				.startsWith("Broke the poll lock left by dead-host pid 42"));
		this.mvc.perform(get("/admin").session(session)).andExpect(content().string(containsString("Poll lock: free")));
		this.mvc.perform(post("/admin/poll").with(csrf()).session(session))
			.andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("message")))
				.startsWith("Poll finished: SUCCESS"));
		assertThat(count("lock_heartbeat")).isZero();
	}

	@Test
	void thePollReleasesALockLeftByADeadInstanceByItself() throws Exception {
		serveFixture();
		this.polls.podcast();
		holdPollLockAsAnotherInstance();
		PollLockRows.heartbeat(this.jdbc, "dead-host pid 42", "poll", 300);
		this.jdbc
			.sql("insert into poll_run (podcast_id, feed_url, started_at) "
					+ "select id, feed_url, timezone('utc', now()) - interval '5 minutes' from podcast")
			.update();

		var run = this.polls.poll();

		assertThat(run).hasValueSatisfying((done) -> assertThat(done.getOutcome()).isEqualTo(PollRun.Outcome.SUCCESS));
		assertThat(this.jdbc.sql("select count(*) from poll_run where failure_kind = 'INTERRUPTED'")
			.query(Long.class)
			.single()).isOne();
		assertThat(count("lock_heartbeat")).isZero();
	}

	@Test
	void aLockHeldByALiveInstanceIsShownAsSuchAndIsNotBroken() throws Exception {
		serveFixture();
		this.polls.podcast();
		holdPollLockAsAnotherInstance();
		PollLockRows.heartbeat(this.jdbc, "live-host pid 7", "poll", 3);
		var session = signIn();
		this.mvc.perform(get("/admin").session(session))
			.andExpect(content().string(containsString("held by a live instance")))
			.andExpect(content().string(containsString("live-host pid 7")))
			.andExpect(content().string(not(containsString("Break the stale lock"))));
		this.mvc.perform(post("/admin/lock/break").with(csrf()).session(session))
			.andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("message")))
				.startsWith("The poll lock is held by a live instance"));
		this.mvc.perform(post("/admin/poll").with(csrf()).session(session))
			.andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("message")))
				.startsWith("A poll is already running"));
		assertThat(server.requests()).isEmpty();
	}

	@Test
	void aLockWithoutAnyHeartbeatIsStaleOnlyAMinuteAfterItWasTaken() throws Exception {
		// an instance of an older version (or one killed before its first heartbeat)
		this.polls.podcast();
		var session = signIn();
		PollLockRows.hold(this.jdbc, "old-version-host", 10);
		this.mvc.perform(get("/admin").session(session))
			.andExpect(content().string(containsString("held by a live instance")))
			.andExpect(content().string(containsString("old-version-host")));
		this.mvc.perform(post("/admin/lock/break").with(csrf()).session(session))
			.andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("message")))
				.startsWith("The poll lock is held by a live instance"));

		this.jdbc.sql("update shedlock set locked_at = timezone('utc', now()) - interval '5 minutes'").update();
		this.mvc.perform(get("/admin").session(session))
			.andExpect(content().string(containsString("left by an instance that stopped")));
		this.mvc.perform(post("/admin/lock/break").with(csrf()).session(session))
			.andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("message")))
				.startsWith("Broke the poll lock left by old-version-host"));
	}

	@Test
	void aPollKeepsAHeartbeatWhileItHoldsTheLockAndRemovesItAfterwards() throws Exception {
		var seen = new java.util.concurrent.atomic.AtomicReference<String>();
		server.handle("/feed.xml", (exchange) -> {
			// while the poll holds the lock, its heartbeat row names this instance
			seen.set(this.jdbc.sql("select holder || ' ' || action from lock_heartbeat").query(String.class).single());
			exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
			exchange.sendResponseHeaders(200, FIXTURE.length);
			exchange.getResponseBody().write(FIXTURE);
			exchange.close();
		});
		this.polls.poll().orElseThrow();
		assertThat(seen.get()).contains("pid " + ProcessHandle.current().pid()).endsWith(" poll");
		assertThat(count("lock_heartbeat")).isZero();
	}

	@Test
	void healthAndInfoArePublicButHealthDetailsAreForTheAdmin() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
		this.mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/info")).andExpect(status().isOk());

		this.mvc.perform(get("/actuator/health").session(signIn()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.poller.details.lastSuccess").value("none yet"));
	}

	@Test
	void metricsAreNotPublicButTheAdminSeesThePollMetrics() throws Exception {
		this.mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/metrics").with(user("visitor").roles("USER")))
			.andExpect(status().isForbidden());

		serveFixture();
		this.polls.poll().orElseThrow();
		var session = signIn();
		this.mvc.perform(get("/actuator/metrics/archive.poll.duration").session(session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.availableTags[0].tag").value("outcome"));
		this.mvc.perform(get("/actuator/metrics/archive.poll.items").param("tag", "result:new").session(session))
			.andExpect(status().isOk());
		this.mvc.perform(get("/actuator/metrics/archive.poll.fetch.bytes").session(session)).andExpect(status().isOk());
		this.mvc.perform(get("/search").param("q", "open models")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/metrics/archive.search.latency").session(session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.measurements[?(@.statistic == 'COUNT')].value")
				.value(hasItem(greaterThanOrEqualTo(1.0))));
	}

	@Test
	void securityKeepsTheCspAndTheAssetCacheHeadersThatOtherFiltersSet() throws Exception {
		// the web layer's filter sets the CSP and the static handler the revalidation
		// (hashed asset URLs: ServerBehaviourTests); Spring Security's no-store is for
		// the admin area only
		this.mvc.perform(get("/css/archive.css"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Cache-Control", "no-cache, public"))
			.andExpect(header().string("Pragma", nullValue()));
		this.mvc.perform(get("/js/archive.js"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", not(containsString("no-store"))));
		this.mvc.perform(get("/"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Cache-Control", not(containsString("no-store"))));
		this.mvc.perform(get("/admin/login"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Cache-Control", containsString("no-store")));
	}

	@Test
	void pollNowPollsAndRedirectsWithTheOutcome() throws Exception {
		serveFixture();
		this.mvc.perform(post("/admin/poll").with(csrf()).session(signIn()))
			.andExpect(redirectedUrl("/admin"))
			.andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("message")))
				.startsWith("Poll finished: SUCCESS (HTTP 200), 11 items seen, 11 new"));
		assertThat(server.requests()).hasSize(1);
	}

	@Test
	void pollNowSaysSoWhenAnotherInstanceIsPolling() throws Exception {
		serveFixture();
		this.polls.podcast();
		holdPollLockAsAnotherInstance();

		this.mvc.perform(post("/admin/poll").with(csrf()).session(signIn()))
			.andExpect(redirectedUrl("/admin"))
			.andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("message")))
				.startsWith("A poll is already running"));
		assertThat(server.requests()).isEmpty();
		assertThat(count("poll_run")).isZero();
	}

	@Test
	void reparseAllWaitsWhileAnotherInstanceIsPolling() throws Exception {
		serveFixture();
		this.polls.poll().orElseThrow();
		this.jdbc.sql("delete from transcript_segment").update();
		holdPollLockAsAnotherInstance();

		this.mvc.perform(post("/admin/reparse").with(csrf()).session(signIn()))
			.andExpect(redirectedUrl("/admin"))
			.andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("message")))
				.startsWith("A poll is running"));
		assertThat(count("transcript_segment")).isZero();
	}

	@Test
	void inALibraryReparseAllLeavesAShowBeingPolledAsItWasAndRebuildsTheOthers() throws Exception {
		serveFixture();
		this.polls.poll().orElseThrow();
		// a second show, now the configured one; the first keeps its own poll lock
		ai.interconnects.archive.support.LibraryShows.add(this.jdbc, this.polls, server,
				"frontier-policy-substack.xml");
		this.jdbc.sql("delete from transcript_segment").update();
		holdPollLockAsAnotherInstance();

		this.mvc.perform(post("/admin/reparse").with(csrf()).session(signIn()))
			.andExpect(redirectedUrl("/admin"))
			.andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("message")))
				.startsWith("Re-parsed 11 episodes: ")
				.endsWith("1 show was being polled and left as it was: re-parse again when the polls have finished."));
		assertThat(this.jdbc.sql("""
				select count(*) from transcript_segment s join episode e on e.id = s.episode_id
				join podcast p on p.id = e.podcast_id where p.title like 'Interconnects%'""")
			.query(Long.class)
			.single()).isPositive();
		assertThat(this.jdbc.sql("""
				select count(*) from transcript_segment s join episode e on e.id = s.episode_id
				join podcast p on p.id = e.podcast_id where p.title not like 'Interconnects%'""")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void reparseAllRebuildsDeletedSegmentsAndListsUnparseableDescriptions() throws Exception {
		serveFixture();
		this.polls.poll().orElseThrow();
		long segments = count("transcript_segment");
		long chapters = count("chapter");
		assertThat(segments).isPositive();
		long victim = this.jdbc.sql("""
				select id from episode where slug <> 'dean-ball-on-open-models-and-government-control'
				order by id limit 1""").query(Long.class).single();
		long victimChapters = countFor("chapter", victim);
		this.jdbc.sql("delete from transcript_segment").update();
		this.jdbc.sql("delete from chapter").update();
		// a description whose transcript section does not parse
		this.jdbc.sql("""
				update episode set raw_description = '<p>Notes</p><h3>Chapters</h3><ul><li>00:00 Intro</li>'
				  || '<li>somewhere in the middle: a chat</li></ul><h3>Transcript</h3>'
				  || '<p>This is a public episode. Subscribe for more.</p>'
				where id = ?""").param(victim).update();

		var session = signIn();
		this.mvc.perform(post("/admin/reparse").with(csrf()).session(session))
			.andExpect(redirectedUrl("/admin"))
			.andExpect((result) -> assertThat(String.valueOf(result.getFlashMap().get("message"))).startsWith(
					"Re-parsed 11 episodes: " + segments + " transcript segments, 0 failed, 1 with parse warnings"));

		// the transcripts and chapters are back, rebuilt from the stored descriptions
		assertThat(count("transcript_segment")).isEqualTo(segments);
		assertThat(count("chapter")).isEqualTo(chapters - victimChapters + 1);
		assertThat(countFor("transcript_segment", victim)).isZero();
		this.mvc.perform(get("/admin").session(session))
			.andExpect(content().string(containsString("Transcript heading but no transcript segment")))
			.andExpect(content().string(containsString("somewhere in the middle: a chat")));
	}

	private long countFor(String table, long episodeId) {
		return this.jdbc.sql("select count(*) from " + table + " where episode_id = ?")
			.param(episodeId)
			.query(Long.class)
			.single();
	}

	@Test
	void resumePollingReactivatesAGoneFeed() throws Exception {
		serveFixture();
		this.polls.poll().orElseThrow();
		this.jdbc.sql("update podcast set status = 'GONE', next_poll_at = null").update();
		var session = signIn();
		this.mvc.perform(get("/admin").session(session)).andExpect(content().string(containsString("Resume polling")));
		this.mvc.perform(post("/admin/poll").with(csrf()).session(session))
			.andExpect(
					result -> assertThat(String.valueOf(result.getFlashMap().get("message"))).contains("marked gone"));

		this.mvc.perform(post("/admin/resume").with(csrf()).session(session)).andExpect(redirectedUrl("/admin"));

		assertThat(this.jdbc.sql("select status from podcast").query(String.class).single()).isEqualTo("ACTIVE");
		assertThat(this.polls.isDue()).isTrue();
	}

	@Test
	void theSkipLinkLandsOnTheContentAndTableCellsNameTheirColumnsForNarrowScreens() throws Exception {
		serveFixture();
		this.polls.poll().orElseThrow();

		var login = org.jsoup.Jsoup
			.parse(this.mvc.perform(get("/admin/login")).andReturn().getResponse().getContentAsString());
		assertThat(login.selectFirst("a.skip-link").attr("href")).isEqualTo("#main");
		assertThat(login.select("main#main")).hasSize(1);
		var page = org.jsoup.Jsoup
			.parse(this.mvc.perform(get("/admin").session(signIn())).andReturn().getResponse().getContentAsString());
		assertThat(page.select("main#main")).hasSize(1);
		var run = page.selectFirst("tr.poll-run");
		assertThat(run.select("td[data-label]").eachAttr("data-label")).contains("Outcome", "HTTP", "Message");
	}

	private MockHttpSession signIn() throws Exception {
		var result = this.mvc.perform(login(USERNAME, PASSWORD, "127.0.0.1"))
			.andExpect(authenticated())
			.andExpect(redirectedUrl("/admin"))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private static MockHttpServletRequestBuilder login(String username, String password, String remoteAddress) {
		return post("/admin/login").param("username", username)
			.param("password", password)
			.with(csrf())
			.with(from(remoteAddress));
	}

	private static RequestPostProcessor from(String remoteAddress) {
		return (request) -> {
			request.setRemoteAddr(remoteAddress);
			return request;
		};
	}

	/** Writes the lock row another instance holds while it polls. */
	private void holdPollLockAsAnotherInstance() {
		PollLockRows.hold(this.jdbc, "other", 0);
	}

}
