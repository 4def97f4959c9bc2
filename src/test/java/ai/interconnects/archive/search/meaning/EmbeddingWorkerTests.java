package ai.interconnects.archive.search.meaning;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import ai.interconnects.archive.poll.PollService;
import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.FeedServerExtension;
import ai.interconnects.archive.support.WithFeedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The background embedding over the fixture feed with the real model: every moment gets a
 * vector of the current model, a changed text is embedded again (and only it), a change
 * of model re-embeds everything, two instances never hold the same episode, and an
 * episode left by a stopped instance is taken over when its lease ends, keeping the
 * vectors it had stored.
 */
@WithFeedServer
@ArchiveTest(properties = { "archive.poll.enabled=false", "archive.meaning.enabled=true" })
// the context of every test of search by meaning: the model loads once
@AutoConfigureMockMvc
class EmbeddingWorkerTests {

	static final FeedServer server = FeedServerExtension.server();

	static final String DEAN_BALL = "dean-ball-on-open-models-and-government-control";

	@Autowired
	ApplicationContext context;

	@Autowired
	PollService polls;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeaningSearch meaning;

	@Autowired
	EmbeddingWorker worker;

	@Autowired
	VectorRepository vectors;

	@BeforeEach
	void embedTheFixture() {
		DatabaseCleaner.clean(this.jdbc);
		server.respond("/feed.xml", 200, FeedServer.resource("/feeds/interconnects-feed.xml"), "Content-Type",
				"application/rss+xml; charset=utf-8");
		this.polls.poll().orElseThrow();
		MeaningFixture.embedAll(this.context);
	}

	Map<String, String> hashes(String slug) {
		var hashes = new TreeMap<String, String>();
		this.jdbc
			.sql("""
					select v.kind, v.position, v.text_hash, v.model from moment_vector v join episode e on e.id = v.episode_id
					where e.slug = :slug
					""")
			.param("slug", slug)
			.query((rs) -> {
				hashes.put(rs.getString(1) + ":" + rs.getInt(2),
						HexFormat.of().formatHex(rs.getBytes(3)) + " " + rs.getString(4));
			});
		return hashes;
	}

	@Test
	void everyMomentHasAVectorOfTheCurrentModelAndTheProgressIsComplete() {
		var progress = this.meaning.progress();
		assertThat(progress.episodesWaiting()).isZero();
		assertThat(progress.estimated()).isFalse();
		assertThat(progress.embedded()).isEqualTo(progress.total()).isGreaterThan(400);
		assertThat(this.jdbc.sql("select count(distinct model) from moment_vector").query(Integer.class).single())
			.isEqualTo(1);
		// the Dean Ball episode: title, 5 chapters, 11 notes paragraphs, 55 segments
		assertThat(hashes(DEAN_BALL)).hasSize(1 + 5 + 11 + 55);
		assertThat(this.meaning.status().available()).isTrue();
		assertThat(this.meaning.status().episodesIndexed()).isEqualTo(11);
	}

	@Test
	void aChangedParagraphIsEmbeddedAgainAndOnlyIt() {
		var before = hashes(DEAN_BALL);
		this.jdbc.sql("""
				update transcript_segment set text = 'Sovereign wealth funds could pay for a shared open model.'
				where position = 11 and episode_id = (select id from episode where slug = :slug)
				""").param("slug", DEAN_BALL).update();
		assertThat(this.meaning.progress().episodesWaiting()).isEqualTo(1);

		MeaningFixture.embedAll(this.context);

		var after = hashes(DEAN_BALL);
		var changed = before.keySet().stream().filter((k) -> !before.get(k).equals(after.get(k))).toList();
		assertThat(changed).containsExactly("SEGMENT:11");
		assertThat(this.meaning.progress().episodesWaiting()).isZero();
	}

	@Test
	void anotherModelReEmbedsEverything() {
		this.jdbc.sql("update moment_vector set model = 'older-model@1'").update();
		this.jdbc.sql("update meaning_episode set model = 'older-model@1'").update();
		assertThat(this.meaning.progress().episodesWaiting()).isEqualTo(11);
		assertThat(this.meaning.progress().embedded()).isZero();

		MeaningFixture.embedAll(this.context);

		assertThat(this.jdbc.sql("select distinct model from moment_vector").query(String.class).list())
			.containsExactly(this.meaning.modelId());
		assertThat(this.meaning.progress().episodesWaiting()).isZero();
	}

	@Test
	void twoInstancesNeverHoldTheSameEpisodeAndAStoppedOnesEpisodeIsTakenOverWhenItsLeaseEnds() {
		this.jdbc.sql("update meaning_episode set stale = true").update();
		var model = this.meaning.modelId();
		var first = this.vectors.claim("instance-a", model, Duration.ofMinutes(5)).orElseThrow();
		var second = this.vectors.claim("instance-b", model, Duration.ofMinutes(5)).orElseThrow();
		assertThat(second).isNotEqualTo(first);

		// instance-a stops; its lease ends: the worker takes the episode over and
		// finishes it
		this.jdbc.sql("update meaning_episode set claimed_until = now() - interval '1 second' where episode_id = :id")
			.param("id", first)
			.update();
		while (this.worker.embedNext()) {
			// every episode but the one instance-b still holds
		}
		assertThat(this.jdbc.sql("select episode_id from meaning_episode where claimed_by is not null")
			.query(Long.class)
			.list()).containsExactly(second);
		assertThat(this.jdbc.sql("select count(*) from meaning_episode where stale").query(Integer.class).single())
			.isZero();
	}

}
