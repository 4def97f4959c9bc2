package ai.interconnects.archive.episode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicReference;

import ai.interconnects.archive.web.ArchiveStamp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A library page's episode links ask for each episode's show: the answer is read once
 * while the archive stays the same, and read again once it changed.
 */
class EpisodeShowMemoTests {

	private final AtomicReference<ArchiveStamp.Stamp> stamp = new AtomicReference<>(
			new ArchiveStamp.Stamp(2, Instant.parse("2026-12-01T00:00:00Z")));

	private final EpisodeShowMemo memo = new EpisodeShowMemo(this.stamp::get);

	private final ArrayList<String> reads = new ArrayList<>();

	private String read(String episode) {
		this.reads.add(episode);
		return episode.startsWith("missing") ? null : "show-of-" + episode;
	}

	@Test
	void anEpisodesShowIsReadOnceWhileTheArchiveStaysTheSame() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.memo.showSlug("a", this::read)).isEqualTo("show-of-a");
			assertThat(this.memo.showSlug("b", this::read)).isEqualTo("show-of-b");
		}

		assertThat(this.reads).containsExactly("a", "b");
	}

	@Test
	void aChangedArchiveIsReadAgain() {
		this.memo.showSlug("a", this::read);
		// an episode added (or a show's episodes deleted) changes the stamp
		this.stamp.set(new ArchiveStamp.Stamp(3, Instant.parse("2026-12-02T00:00:00Z")));

		this.memo.showSlug("a", this::read);

		assertThat(this.reads).containsExactly("a", "a");
	}

	@Test
	void anUnknownEpisodeIsNotRememberedAsMissing() {
		assertThat(this.memo.showSlug("missing-1", this::read)).isNull();
		assertThat(this.memo.showSlug("missing-1", this::read)).isNull();

		// it may be stored by the next poll
		assertThat(this.reads).containsExactly("missing-1", "missing-1");
	}

}
