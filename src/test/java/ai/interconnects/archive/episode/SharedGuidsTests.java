package ai.interconnects.archive.episode;

import java.time.Instant;
import java.util.List;

import ai.interconnects.archive.feed.client.FeedItem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SharedGuidsTests {

	private static FeedItem item(String guid, String title, String audio, String date) {
		return new FeedItem(guid, title, null, (date != null) ? Instant.parse(date) : null, null, audio, "audio/mpeg",
				null, null, null, "<p>" + title + "</p>");
	}

	private final FeedItem first = item("g", "First", "https://cdn.example/a.mp3", "2020-06-01T18:00:00Z");

	private final FeedItem second = item("g", "Second", "https://cdn.example/b.mp3?t=1", "2020-06-02T18:00:00Z");

	private final FeedItem repeat = item("g", "first ", "https://cdn.example/a.mp3?t=2", "2020-06-01T18:00:00Z");

	private final FeedItem retitled = item("g", "A bonus episode", "https://cdn.example/a.mp3?t=3",
			"2020-06-01T18:00:00Z");

	@Test
	void aReusedGuidWithOtherAudioAndDateIsADistinctEpisode() {
		var resolved = SharedGuids.resolve(List.of(this.second, this.first));

		assertThat(resolved.items()).extracting(FeedItem::title).containsExactly("Second", "First");
		assertThat(resolved.items()).extracting(FeedItem::guid).doesNotHaveDuplicates();
		assertThat(resolved.items().get(1).guid()).isEqualTo("g");
		assertThat(resolved.items().get(0).guid()).matches("g#[0-9a-f]{12}");
		assertThat(resolved.skipped()).isEmpty();
	}

	@Test
	void theIdentitiesDoNotDependOnTheOrderOfTheFile() {
		var one = SharedGuids.resolve(List.of(this.first, this.second)).items();
		var other = SharedGuids.resolve(List.of(this.second, this.first)).items();

		assertThat(one).containsExactlyInAnyOrderElementsOf(other);
	}

	@Test
	void theSameEpisodeListedTwiceIsSkippedWithAReason() {
		var resolved = SharedGuids.resolve(List.of(this.first, this.second, this.repeat));

		assertThat(resolved.items()).extracting(FeedItem::title).containsExactly("First", "Second");
		assertThat(resolved.skipped()).singleElement().satisfies((skipped) -> {
			assertThat(skipped.key()).isEqualTo("g");
			assertThat(skipped.title()).isEqualTo("first ");
			assertThat(skipped.reason()).contains("listed again in the same file");
		});
	}

	@Test
	void aReusedGuidWithTheSameAudioAndDateButAnotherTitleIsADistinctEpisode() {
		var resolved = SharedGuids.resolve(List.of(this.first, this.retitled, this.second));

		assertThat(resolved.skipped()).isEmpty();
		assertThat(resolved.items()).extracting(FeedItem::title).containsExactly("First", "A bonus episode", "Second");
		assertThat(resolved.items()).extracting(FeedItem::guid)
			.doesNotHaveDuplicates()
			.allMatch((g) -> g.startsWith("g"));
		// the same on every poll, whatever the order of the file
		assertThat(SharedGuids.resolve(List.of(this.second, this.first, this.retitled)).items())
			.containsExactlyInAnyOrderElementsOf(resolved.items());
		// and the identity the second episode had before a third one came is kept
		assertThat(SharedGuids.resolve(List.of(this.first, this.second)).items().get(1).guid())
			.isEqualTo(resolved.items().get(2).guid());
	}

	@Test
	void itemsWithTheirOwnIdentitiesAreLeftAlone() {
		var items = List.of(item("a", "A", null, null), item("b", "B", null, null));

		assertThat(SharedGuids.resolve(items).items()).isEqualTo(items);
	}

}
