package ai.interconnects.archive.search.meaning;

import java.util.concurrent.atomic.AtomicLong;

import ai.interconnects.archive.poll.PollService;
import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.FeedServerExtension;
import ai.interconnects.archive.support.WithFeedServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vectors that would take more than their share of the heap are not loaded at all (the
 * JVM would run out of memory at every start-up, and part of the archive would rank it
 * wrongly): search is by words and says why, until they fit.
 */
@WithFeedServer
@ArchiveTest(properties = { "archive.poll.enabled=false", "archive.meaning.enabled=true" })
// the context of every test of search by meaning: the model loads once
@AutoConfigureMockMvc
class VectorBudgetTests {

	static final FeedServer server = FeedServerExtension.server();

	@Autowired
	ApplicationContext context;

	@Autowired
	PollService polls;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeaningProperties properties;

	@Autowired
	EmbeddingEngine engine;

	@Autowired
	EmbeddingProgress progress;

	@Test
	void theTwoMillionMomentArchiveNeedsMoreThanHalfOfAGigabyte() {
		var moments = new int[5000];
		java.util.Arrays.fill(moments, 408);
		assertThat(new VectorBudget(0.5, () -> 1L << 30).refusal(moments))
			.isEqualTo("The vectors of 2,040,000 moments need about 879 MB of memory; this server gives them 512 MB");
		assertThat(new VectorBudget(0.5, () -> 1L << 30).describe()).isEqualTo("0.5 of a 1.0 GB heap");
		assertThat(new VectorBudget(0.5, () -> 3L << 30).refusal(moments)).isNull();
	}

	@Test
	void vectorsTooLargeForTheirShareOfTheHeapAreNotLoadedAndSearchSaysWhy() {
		DatabaseCleaner.clean(this.jdbc);
		server.respond("/feed.xml", 200, FeedServer.resource("/feeds/interconnects-feed.xml"), "Content-Type",
				"application/rss+xml; charset=utf-8");
		this.polls.poll().orElseThrow();
		this.engine.load();
		MeaningFixture.embedAll(this.context);
		// half of the heap is theirs (archive.meaning.max-heap-share): a 1 GB heap holds
		// this archive's vectors (about a megabyte), a 64 kB heap does not
		var heap = new AtomicLong(1L << 30);
		var index = new MeaningIndex(this.jdbc, this.properties, heap::get);
		var search = new MeaningSearch(this.engine, index, this.progress);
		index.refresh();
		int episodes = index.current().episodes();
		long moments = index.current().moments();
		assertThat(episodes).isPositive();
		assertThat(search.status().available()).isTrue();

		heap.set(64L << 10);
		index.refresh();
		assertThat(index.current().episodes()).isZero();
		assertThat(search.answers()).isFalse();
		assertThat(search.query("copying a bigger model's outputs to train a small one")).isEmpty();
		assertThat(search.status().available()).isFalse();
		assertThat(search.status().pending()).as("it waits for the operator, not for time").isFalse();
		assertThat(search.status().reason())
			.matches("The vectors of [\\d,]+ moments need about [\\d,]+ [kM]B of memory; this server gives them 32 kB");
		// counted before reading any vector: every embedded moment (the index leaves out
		// boilerplate shared by three episodes)
		long counted = Long
			.parseLong(search.status().reason().replaceAll("^The vectors of ([\\d,]+) .*", "$1").replace(",", ""));
		assertThat(counted).isGreaterThanOrEqualTo(moments).isLessThan(moments + 100);

		heap.set(1L << 30);
		index.refresh();
		assertThat(index.current().episodes()).isEqualTo(episodes);
		assertThat(index.refusal()).isNull();
		assertThat(search.status().available()).isTrue();
	}

}
