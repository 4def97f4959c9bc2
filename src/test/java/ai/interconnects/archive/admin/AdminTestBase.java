package ai.interconnects.archive.admin;

import ai.interconnects.archive.support.ArchiveContents;
import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.FeedServerExtension;
import ai.interconnects.archive.support.WithFeedServer;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One context for the admin tests (admin enabled, feed on a loopback server), shared by
 * every subclass: the settings live here so that the context cache key is the same.
 */
@WithFeedServer
@ArchiveTest(properties = { "archive.poll.enabled=false", "archive.admin.username=operator",
		"archive.admin.password=" + AdminTestBase.PASSWORD })
@AutoConfigureMockMvc
abstract class AdminTestBase {

	static final String USERNAME = "operator";

	static final String PASSWORD = "correct horse battery staple";

	static final FeedServer server = FeedServerExtension.server();

	static final byte[] FIXTURE = FeedServer.resource("/feeds/interconnects-feed.xml");

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void cleanState() {
		DatabaseCleaner.clean(this.jdbc);
		server.reset();
		// The sign-in limiter keeps its counts: tests that fail sign-ins use their own
		// client addresses, and stay below the per-username slowdown.
	}

	void serveFixture() {
		server.respond("/feed.xml", 200, FIXTURE, "Content-Type", "application/rss+xml; charset=utf-8", "ETag",
				"\"fixture-1\"");
	}

	long count(String table) {
		return ArchiveContents.count(this.jdbc, table);
	}

}
