package ai.interconnects.archive.episode.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;

import ai.interconnects.archive.episode.ShowCatalog;
import ai.interconnects.archive.show.Shows;
import ai.interconnects.archive.web.PagesProperties;
import ai.interconnects.archive.web.PollStatus;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
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

	/** Every episode of one show, newest first, grouped by year: its compact list. */
	List<Pages.Year<EpisodeCard>> list(Shows.Show show) {
		return Pages.byYear(this.cast.cards(this.reading.findShowCards(show.id(), Pageable.unpaged())),
				EpisodeCard::publishedAt);
	}

	/** Page {@code requested} (1-based, clamped) of one show's episodes with chapters. */
	Pages.ChapterIndex chapters(Shows.Show show, int requested) {
		long total = this.reading.countShowEpisodesWithChapters(show.id());
		int page = clamp(requested, total);
		var ids = (total > 0) ? this.reading.findShowEpisodesWithChapters(show.id(), page(page)) : List.<Long>of();
		return new Pages.ChapterIndex(Pages.byYear(episodeChapters(ids), Pages.EpisodeChapters::publishedAt), page,
				totalPages(total), total, null);
	}

	/**
	 * Page {@code requested} of a library's {@code /chapters}: the episodes with chapters
	 * show by show, each show's by year.
	 */
	Pages.ChapterIndex libraryChapters(int requested) {
		long total = this.reading.countEpisodesWithChapters();
		int page = clamp(requested, total);
		var ids = (total > 0) ? this.reading.findEpisodesWithChaptersByShow(page(page)) : List.<Long>of();
		var episodes = episodeChapters(ids);
		var of = this.catalog.showsOf(episodes.stream().map(Pages.EpisodeChapters::slug).toList());
		var byShow = new LinkedHashMap<Long, List<Pages.EpisodeChapters>>();
		var refs = new HashMap<Long, ShowCatalog.ShowRef>();
		for (var episode : episodes) {
			var show = of.get(episode.slug());
			if (show != null) {
				refs.put(show.id(), show);
				byShow.computeIfAbsent(show.id(), (id) -> new ArrayList<>()).add(episode);
			}
		}
		var shows = byShow.entrySet()
			.stream()
			.map((e) -> new Pages.ShowChapters(refs.get(e.getKey()),
					Pages.byYear(e.getValue(), Pages.EpisodeChapters::publishedAt)))
			.toList();
		return new Pages.ChapterIndex(List.of(), page, totalPages(total), total, shows);
	}

	private List<Pages.EpisodeChapters> episodeChapters(List<Long> ids) {
		return ids.isEmpty() ? List.of() : Pages.episodeChapters(ids, this.reading.findChapters(ids));
	}

	private int totalPages(long total) {
		return (int) Math.max(1, (total + this.pageSize - 1) / this.pageSize);
	}

	private int clamp(int requested, long total) {
		return Math.min(Math.max(requested, 1), totalPages(total));
	}

	private PageRequest page(int page) {
		return PageRequest.of(page - 1, this.pageSize);
	}

}
