package ai.interconnects.archive.db;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import ai.interconnects.archive.poll.PollRun;
import ai.interconnects.archive.support.PagesTestSupport;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers who take every connection the web requests may have get a quick 503, and the
 * poll still runs on connections of its own.
 */
class DatabasePoolsTests extends PagesTestSupport {

	@Autowired
	DataSource dataSource;

	@Test
	void withEveryRequestConnectionTakenReadersGet503AndThePollStillRuns() throws Exception {
		ingest(FIXTURE);
		var taken = new ArrayList<Connection>();
		try {
			int size = asRequest(() -> this.dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize());
			for (int i = 0; i < size; i++) {
				taken.add(asRequest(this.dataSource::getConnection));
			}

			long started = System.nanoTime();
			var page = fetch("/?page=2");
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

			var run = this.polls.poll();
			assertThat(run).hasValueSatisfying((done) -> assertThat(done.getOutcome()).isIn(PollRun.Outcome.SUCCESS,
					PollRun.Outcome.NOT_MODIFIED));
		}
		finally {
			for (var connection : taken) {
				asRequest(() -> {
					connection.close();
					return null;
				});
			}
		}
		assertThat(fetch("/?page=2").statusCode()).isEqualTo(200);
	}

	/** Runs {@code work} as a thread serving a web request does. */
	private static <T> T asRequest(Callable<T> work) throws Exception {
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
		try {
			return work.call();
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
	}

}
