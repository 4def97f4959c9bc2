package ai.interconnects.archive.support;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Base of the tests that talk to the real server as a hostile or awkward client would,
 * through {@link RawHttp} from addresses of their own: one context for all of them, with
 * the admin area on, a tiny API allowance (3 at once, 1 a minute) and a one-second
 * connection timeout, so that limits and timeouts show within a test's time.
 */
@ArchiveTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "archive.poll.enabled=false", "archive.admin.password=" + RawClientTestSupport.PASSWORD,
				"archive.api.burst=3", "archive.api.requests-per-minute=1", "server.tomcat.connection-timeout=1s" })
public abstract class RawClientTestSupport extends PagesTestSupport {

	protected static final String PASSWORD = "correct horse battery staple";

}
