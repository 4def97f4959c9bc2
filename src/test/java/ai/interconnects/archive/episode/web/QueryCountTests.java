package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.support.Html;

import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.PagesTestSupport;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages cost a fixed number of SQL statements, however many chapters and paragraphs they
 * show: no N+1.
 */
class QueryCountTests extends PagesTestSupport {

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Test
	void eachPageRendersWithABoundedNumberOfStatements() throws Exception {
		ingestFixture();

		assertThat(statements("/episodes/" + DEAN_BALL)).isBetween(1L, 5L);
		// the transcript names the episodes before and after it, as the episode page does
		assertThat(statements("/episodes/" + DEAN_BALL + "/transcript")).isBetween(1L, 5L);
		assertThat(statements("/episodes/" + DEAN_BALL + "/chapters/3")).isBetween(1L, 3L);
		// the count, the cards, and the notes of the cards that may be essays (who each
		// episode is with comes from plain SQL, not counted here, a fixed three
		// statements)
		assertThat(statements("/")).isBetween(1L, 3L);
		// a page of episodes with chapters: their count, the page's ids, their chapters
		assertThat(statements("/chapters")).isBetween(1L, 3L);
	}

	@Test
	void aLongerTranscriptCostsNoMoreStatements() throws Exception {
		ingest(FeedServer.resource("/feeds/hostile-feed.xml"));
		long small = statements("/episodes/continuations-and-chapters/transcript");
		ingestFixture();
		long large = statements("/episodes/" + DEAN_BALL + "/transcript");

		assertThat(large).isEqualTo(small);
	}

	private long statements(String path) throws Exception {
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		assertThat(statistics.isStatisticsEnabled()).isTrue();
		statistics.clear();
		Html.page(this.mvc, path);
		return statistics.getPrepareStatementCount();
	}

}
