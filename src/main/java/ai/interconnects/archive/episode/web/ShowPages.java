package ai.interconnects.archive.episode.web;

import java.util.List;

import ai.interconnects.archive.episode.ShowCatalog;
import ai.interconnects.archive.show.Shows;
import ai.interconnects.archive.web.PagesProperties;
import ai.interconnects.archive.web.PollStatus;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The library's pages: the home (every show, then the newest episodes of all of them) and
 * each show's own archive, paged as the one-show archive is.
 */
@Service
@Transactional(readOnly = true)
class ShowPages {

	/** How many of the newest episodes across the shows the library's home lists. */
	static final int NEWEST = 12;

	private final ShowCatalog catalog;

	private final ReadingRepository reading;

	private final EpisodeCast cast;

	private final int pageSize;

	ShowPages(ShowCatalog catalog, ReadingRepository reading, EpisodeCast cast, PagesProperties properties) {
		this.catalog = catalog;
		this.reading = reading;
		this.cast = cast;
		this.pageSize = properties.pageSize();
	}

	record Library(List<ShowCatalog.ShowSummary> shows, List<ShowCatalog.ShowEpisode> newest) {
	}

	Library library() {
		return new Library(this.catalog.summaries(), this.catalog.newest(NEWEST));
	}

	List<ShowCatalog.ShowSummary> shows() {
		return this.catalog.summaries();
	}

	/** Page {@code requested} (1-based, clamped) of one show's episodes. */
	Pages.Archive archive(Shows.Show show, int requested) {
		long total = this.reading.countShowEpisodes(show.id());
		int totalPages = (int) Math.max(1, (total + this.pageSize - 1) / this.pageSize);
		int page = Math.min(Math.max(requested, 1), totalPages);
		var cards = (total > 0)
				? this.cast.cards(this.reading.findShowCards(show.id(), PageRequest.of(page - 1, this.pageSize)))
				: List.<EpisodeCard>of();
		return new Pages.Archive(cards, page, totalPages, total, PollStatus.NEVER);
	}

}
