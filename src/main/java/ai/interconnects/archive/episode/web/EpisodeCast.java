package ai.interconnects.archive.episode.web;

import java.util.ArrayList;
import java.util.List;

import ai.interconnects.archive.episode.EpisodeRepository;
import ai.interconnects.archive.search.CastRepository;
import ai.interconnects.archive.search.Guests;
import ai.interconnects.archive.web.CurrentSite;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who an episode is with, and what it is: the cards' "with Bryan Catanzaro" and their
 * "Interview" or "Essay", and the episode header's guests. A fixed number of statements
 * per page, however many cards: the speakers and credited guests of all the cards at
 * once, the host (kept per state of the archive), and the possible essays' notes.
 */
@Component
@Transactional(readOnly = true)
class EpisodeCast {

	private final CastRepository cast;

	private final EpisodeRepository episodes;

	private final CurrentSite site;

	EpisodeCast(CastRepository cast, EpisodeRepository episodes, CurrentSite site) {
		this.cast = cast;
		this.episodes = episodes;
		this.site = site;
	}

	/** The cards with their guests and kind. */
	List<EpisodeCard> cards(List<EpisodeCard> cards) {
		if (cards.isEmpty()) {
			return cards;
		}
		var ids = cards.stream().map(EpisodeCard::id).toList();
		var speakers = this.cast.speakers(ids);
		var credited = this.cast.creditedGuests(ids);
		var host = this.cast.host(this.site.get().author());
		// Only an episode without transcript and chapters can be an essay (AudioEssay):
		// their notes are read, no one else's.
		var candidates = cards.stream()
			.filter((card) -> card.segmentCount() == 0 && card.chapterCount() == 0)
			.map(EpisodeCard::id)
			.toList();
		var essays = new ArrayList<Long>();
		if (!candidates.isEmpty()) {
			this.episodes.findAllById(candidates)
				.stream()
				.filter((episode) -> AudioEssay.of(EpisodeView.of(episode), false, false).essay())
				.forEach((episode) -> essays.add(episode.getId()));
		}
		return cards.stream()
			.map((card) -> card.with(Guests.of(credited.getOrDefault(card.id(), List.of()),
					speakers.getOrDefault(card.id(), List.of()), host), essays.contains(card.id())))
			.toList();
	}

	/** Who one episode is with. */
	Guests of(long episodeId) {
		var ids = List.of(episodeId);
		return Guests.of(this.cast.creditedGuests(ids).getOrDefault(episodeId, List.of()),
				this.cast.speakers(ids).getOrDefault(episodeId, List.of()), this.cast.host(this.site.get().author()));
	}

}
