package ai.interconnects.archive.episode;

import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.DatabaseTest;
import ai.interconnects.archive.support.TestArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content's one read door, on data written through its write door
 * ({@link TestArchive}) in the database slice: no feed, no poll, no web. Each write
 * commits, as a poll's does, so the statistics the triggers keep are current.
 */
@DatabaseTest
@Import(ContentWriting.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class EpisodeCatalogTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestArchive archive;

	@Autowired
	EpisodeCatalog catalog;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
	}

	@Test
	void episodesAreListedNewestFirstWithUndatedOnesLastAndTheLaterWrittenFirstOnATie() {
		var show = this.archive.show("Show");
		show.episode("Undated").store();
		show.episode("Old").publishedAt("2025-01-01T00:00:00Z").store();
		show.episode("New").publishedAt("2026-01-01T00:00:00Z").store();
		show.episode("Also new").publishedAt("2026-01-01T00:00:00Z").store();

		assertThat(this.catalog.newest(null, 0, 10)).extracting(EpisodeSummary::title)
			.containsExactly("Also new", "New", "Old", "Undated");
		assertThat(this.catalog.newest(null, 1, 2)).extracting(EpisodeSummary::title).containsExactly("New", "Old");
		assertThat(this.catalog.count(null)).isEqualTo(4);
	}

	@Test
	void anEpisodesSummaryCountsItsChaptersAndSegmentsAndItsContentReadsBackInOrder() {
		var slug = this.archive.show("Show")
			.episode("Open models")
			.publishedAt("2026-02-01T10:00:00Z")
			.chapter(0, "Opening")
			.chapter(300, "Middle")
			.segment(null, "Nathan Lambert", "Welcome.")
			.segment(12, "Dean Ball", "Thanks for having me.")
			.segment(20, "Nathan Lambert", "Let us start.")
			.person("Dean Ball", "guest")
			.store();

		var summary = this.catalog.bySlug(slug).orElseThrow();
		assertThat(summary.chapterCount()).isEqualTo(2);
		assertThat(summary.segmentCount()).isEqualTo(3);
		assertThat(this.catalog.chapters(summary.id())).extracting(ChapterEntry::title)
			.containsExactly("Opening", "Middle");
		assertThat(this.catalog.segments(summary.id())).extracting(SegmentEntry::speaker)
			.containsExactly("Nathan Lambert", "Dean Ball", "Nathan Lambert");
		assertThat(this.catalog.persons(summary.id())).extracting(PersonEntry::name).containsExactly("Dean Ball");
	}

	@Test
	void aSpeakersStatisticsFollowTheTranscriptsWrittenAcrossShows() {
		this.archive.show("One")
			.episode("First")
			.segment(0, "Dean Ball", "One.")
			.segment(10, "Nathan Lambert", "Two.")
			.segment(20, "Dean Ball", "Three.")
			.store();
		this.archive.show("Two").episode("Second").segment(0, "Dean Ball", "Four.").store();

		var dean = this.catalog.speakerStats()
			.stream()
			.filter((stats) -> stats.name().equals("Dean Ball"))
			.findFirst()
			.orElseThrow();
		assertThat(dean.episodes()).isEqualTo(2);
		assertThat(dean.segments()).isEqualTo(3);
		assertThat(dean.turns()).isEqualTo(3);
		assertThat(this.catalog.idsByShow()).hasSize(2);
	}

}
