package ai.interconnects.archive.episode.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import ai.interconnects.archive.episode.EpisodeCatalog;
import ai.interconnects.archive.episode.Voices;
import ai.interconnects.archive.transcript.Speakers;
import ai.interconnects.archive.web.Formats;
import ai.interconnects.archive.web.TimeCode;
import ai.interconnects.archive.web.WebUrl;

import org.springframework.stereotype.Component;

/**
 * Who is on the speaker pages: the transcripts' speakers, joined by the people the feed
 * names ({@code podcast:person}). A person whose name matches a speaker's (ignoring case)
 * gives that speaker their role and link, and the episodes that name them without a
 * paragraph of theirs; a person no transcript quotes is listed too, with their episodes.
 */
@Component
class SpeakerDirectory {

	/** Turns shown per episode on a speaker's page; the rest are in the transcript. */
	static final int TURNS_PER_EPISODE = 12;

	private final EpisodeCatalog catalog;

	SpeakerDirectory(EpisodeCatalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * A speaker or named person; {@code roles} ("host, guest") and {@code href} (an
	 * http(s) URL) are null unless the feed names them.
	 */
	record SpeakerLink(String name, String slug, long episodes, long turns, String roles, String href) {

		/** The host of {@code href}, as the link's text. */
		public String hrefLabel() {
			var host = URI.create(this.href).getHost();
			return (host != null && host.startsWith("www.")) ? host.substring(4) : host;
		}

	}

	record Turn(int startSeconds, String time, String firstLine, String anchor) {
	}

	/** An episode on a speaker's page; {@code role} is what its feed item calls them. */
	record SpeakerEpisode(String slug, String title, String date, String isoDate, long turns, List<Turn> shown,
			String role) {

		public long more() {
			return this.turns - this.shown.size();
		}

	}

	/** Everyone, the most episodes first. */
	List<SpeakerLink> all() {
		var byName = new LinkedHashMap<String, SpeakerLink>();
		for (var row : this.catalog.speakers()) {
			byName.putIfAbsent(key(row.name()),
					new SpeakerLink(row.name(), Speakers.slug(row.name()), row.episodes(), row.turns(), null, null));
		}
		for (var person : this.catalog.people()) {
			var href = WebUrl.orNull(person.href());
			var speaker = byName.get(key(person.name()));
			if (speaker != null) {
				byName.put(key(person.name()), new SpeakerLink(speaker.name(), speaker.slug(),
						speaker.episodes() + person.silentEpisodes(), speaker.turns(), person.roles(), href));
			}
			else {
				byName.put(key(person.name()), new SpeakerLink(person.name(), Speakers.slug(person.name()),
						person.episodes(), 0, person.roles(), href));
			}
		}
		var all = new ArrayList<>(byName.values());
		all.sort(Comparator.comparingLong(SpeakerLink::episodes)
			.reversed()
			.thenComparing(Comparator.comparingLong(SpeakerLink::turns).reversed())
			.thenComparing(SpeakerLink::name));
		return all;
	}

	Optional<SpeakerLink> find(String slug) {
		return all().stream().filter((speaker) -> slug.equals(speaker.slug())).findFirst();
	}

	/** The episodes {@code speaker} speaks in or is named by, newest first. */
	List<SpeakerEpisode> episodes(SpeakerLink speaker) {
		var roles = new HashMap<Long, String>();
		var dated = new LinkedHashMap<Long, Dated>();
		for (var credit : this.catalog.credits(speaker.name())) {
			roles.put(credit.episodeId(), credit.role());
			dated.put(credit.episodeId(), new Dated(credit.publishedAt(), credit.episodeId(),
					view(credit.slug(), credit.title(), credit.publishedAt(), 0, List.of(), credit.role())));
		}
		var turns = new LinkedHashMap<Long, List<Voices.TurnRow>>();
		for (var row : this.catalog.turns(speaker.name(), TURNS_PER_EPISODE)) {
			turns.computeIfAbsent(row.episodeId(), (id) -> new ArrayList<>()).add(row);
		}
		for (var rows : turns.values()) {
			var head = rows.get(0);
			var shown = rows.stream()
				.filter((row) -> row.startSeconds() != null)
				.map((row) -> new Turn(row.startSeconds(), TimeCode.format(row.startSeconds()),
						SpeakerController.firstLine(row.text()), "t-" + row.startSeconds()))
				.toList();
			dated.put(head.episodeId(), new Dated(head.publishedAt(), head.episodeId(), view(head.slug(), head.title(),
					head.publishedAt(), head.turnsInEpisode(), shown, roles.get(head.episodeId()))));
		}
		return dated.values()
			.stream()
			.sorted(Comparator.comparing(Dated::publishedAt, Comparator.nullsLast(Comparator.reverseOrder()))
				.thenComparing(Comparator.comparingLong(Dated::episodeId).reversed()))
			.map(Dated::episode)
			.toList();
	}

	private record Dated(OffsetDateTime publishedAt, long episodeId, SpeakerEpisode episode) {
	}

	private static SpeakerEpisode view(String slug, String title, OffsetDateTime publishedAt, long turns,
			List<Turn> shown, String role) {
		var instant = (publishedAt != null) ? publishedAt.toInstant() : null;
		return new SpeakerEpisode(slug, title, Formats.date(instant), Formats.isoDate(instant), turns, shown, role);
	}

	/**
	 * Entries are merged on their page's slug, so that names differing only in case,
	 * accents or punctuation share one page: the transcript speaker in the most episodes
	 * keeps it, and a feed's person never takes a speaker's page from them.
	 */
	private static String key(String name) {
		var slug = Speakers.slug(name);
		return (slug != null) ? slug : "";
	}

}
