package ai.interconnects.archive.episode.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.interconnects.archive.episode.EpisodeCatalog;
import ai.interconnects.archive.episode.ShowCatalog;
import ai.interconnects.archive.episode.SpeakerShows;
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

	/** The longest turns of a speaker read to choose their quotes from. */
	static final int QUOTE_CANDIDATES = 300;

	private final EpisodeCatalog catalog;

	private final SpeakerShows speakerShows;

	SpeakerDirectory(EpisodeCatalog catalog, SpeakerShows speakerShows) {
		this.catalog = catalog;
		this.speakerShows = speakerShows;
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

	/**
	 * An episode on a speaker's page: {@code role} is what its feed item calls them,
	 * {@code firstTurn} the transcript at their first turn (null without one).
	 */
	record SpeakerEpisode(String slug, String title, String date, String isoDate, long turns, String role,
			String firstTurn) {
	}

	/** One of their passages: {@code time} and {@code link} lead into the transcript. */
	record SpeakerQuote(String text, String time, String link, String episodeSlug, String episodeTitle, String date) {
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

	/**
	 * In a library, the shows each speaker (by page slug) is heard or credited on, oldest
	 * show first.
	 */
	Map<String, List<ShowCatalog.ShowRef>> shows() {
		var shows = new HashMap<String, List<ShowCatalog.ShowRef>>();
		for (var voice : this.speakerShows.all()) {
			var on = shows.computeIfAbsent(key(voice.name()), (k) -> new ArrayList<>());
			if (!on.contains(voice.show())) {
				on.add(voice.show());
			}
		}
		return shows;
	}

	Optional<SpeakerLink> find(String slug) {
		return all().stream().filter((speaker) -> slug.equals(speaker.slug())).findFirst();
	}

	/** The episodes {@code speaker} speaks in or is named by, newest first. */
	List<SpeakerEpisode> episodes(SpeakerLink speaker) {
		var dated = new LinkedHashMap<Long, Dated>();
		var roles = new HashMap<Long, String>();
		for (var credit : this.catalog.credits(speaker.name())) {
			roles.put(credit.episodeId(), credit.role());
			dated.put(credit.episodeId(), new Dated(credit.publishedAt(), credit.episodeId(),
					view(credit.slug(), credit.title(), credit.publishedAt(), 0, credit.role(), null)));
		}
		for (var row : this.catalog.speakerEpisodes(speaker.name())) {
			var anchor = (row.firstStart() != null) ? "?t=" + row.firstStart() + "#t-" + row.firstStart()
					: "#p-" + row.firstPosition();
			dated.put(row.episodeId(),
					new Dated(row.publishedAt(), row.episodeId(),
							view(row.slug(), row.title(), row.publishedAt(), row.turns(), roles.get(row.episodeId()),
									"/episodes/" + row.slug() + "/transcript" + anchor)));
		}
		return dated.values()
			.stream()
			.sorted(Comparator.comparing(Dated::publishedAt, Comparator.nullsLast(Comparator.reverseOrder()))
				.thenComparing(Comparator.comparingLong(Dated::episodeId).reversed()))
			.map(Dated::episode)
			.toList();
	}

	/** Their {@code count} most substantive passages ({@link SpeakerQuotes}). */
	List<SpeakerQuote> quotes(SpeakerLink speaker, int count) {
		if (speaker.turns() == 0) {
			return List.of();
		}
		return SpeakerQuotes
			.best(this.catalog.longTurns(speaker.name(), SpeakerQuotes.MIN_LENGTH, QUOTE_CANDIDATES), count)
			.stream()
			.map((quote) -> {
				var turn = quote.turn();
				var start = turn.startSeconds();
				var link = "/episodes/" + turn.slug() + "/transcript"
						+ ((start != null) ? "?t=" + start + "#t-" + start : "#p-" + turn.position());
				var instant = (turn.publishedAt() != null) ? turn.publishedAt().toInstant() : null;
				return new SpeakerQuote(quote.text(), (start != null) ? TimeCode.format(start) : null, link,
						turn.slug(), turn.title(), Formats.date(instant));
			})
			.toList();
	}

	private record Dated(OffsetDateTime publishedAt, long episodeId, SpeakerEpisode episode) {
	}

	private static SpeakerEpisode view(String slug, String title, OffsetDateTime publishedAt, long turns, String role,
			String firstTurn) {
		var instant = (publishedAt != null) ? publishedAt.toInstant() : null;
		return new SpeakerEpisode(slug, title, Formats.date(instant), Formats.isoDate(instant), turns, role, firstTurn);
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
