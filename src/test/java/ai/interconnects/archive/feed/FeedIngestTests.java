package ai.interconnects.archive.feed;

import java.nio.charset.StandardCharsets;

import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.FeedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@ArchiveTest
class FeedIngestTests {

	static final FeedServer server = FeedServer.start();

	static final byte[] FIXTURE = FeedServer.resource("/feeds/interconnects-feed.xml");

	@DynamicPropertySource
	static void feed(DynamicPropertyRegistry registry) {
		registry.add("archive.feed-url", () -> server.url("/feed.xml").toString());
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Autowired
	PollService polls;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
		server.reset();
	}

	@Test
	void theFixtureFeedStoresElevenEpisodesWithTheDeanBallTranscript() {
		server.respond("/feed.xml", 200, FIXTURE, "Content-Type", "application/rss+xml; charset=utf-8");

		var run = this.polls.poll().orElseThrow();

		assertThat(run.getOutcome()).isEqualTo(PollRun.Outcome.SUCCESS);
		assertThat(run.getItemsNew()).isEqualTo(11);
		assertThat(count("episode")).isEqualTo(11);
		long deanBall = this.jdbc
			.sql("select id from episode where slug = 'dean-ball-on-open-models-and-government-control'")
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("select count(*) from chapter where episode_id = ?")
			.param(deanBall)
			.query(Long.class)
			.single()).isEqualTo(5);
		assertThat(this.jdbc.sql("select count(distinct speaker) from transcript_segment where episode_id = ?")
			.param(deanBall)
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(new String(FIXTURE, StandardCharsets.UTF_8)).contains("substack:post:190015838");
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
