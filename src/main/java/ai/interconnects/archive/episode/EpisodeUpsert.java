package ai.interconnects.archive.episode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import ai.interconnects.archive.LogText;
import ai.interconnects.archive.feed.client.FeedItem;
import ai.interconnects.archive.transcript.DescriptionParser;
import ai.interconnects.archive.web.Slugs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Stores one feed item as a new episode or over the archived one it is, inside the
 * caller's transaction, in one sequence: find or create the episode (by GUID, else by
 * enclosure or link), revise (the previous description kept as a revision), apply the
 * item, offer its chapters and transcript to {@link EpisodeContent}'s rule, link the
 * publisher's files, store the people it names and the other files of its media (see
 * {@link EpisodeIngestService} for the feed-level loop).
 */
@Component
class EpisodeUpsert {

	private static final Logger log = LoggerFactory.getLogger(EpisodeUpsert.class);

	private final EpisodeRepository episodes;

	private final EpisodeRevisionRepository revisions;

	private final EpisodeContent content;

	private final EpisodeSources sources;

	private final EpisodePersons persons;

	private final EpisodeAlternates alternates;

	private final DescriptionParser parser;

	private final EpisodeSlugs slugs;

	EpisodeUpsert(EpisodeRepository episodes, EpisodeRevisionRepository revisions, EpisodeContent content,
			EpisodeSources sources, EpisodePersons persons, EpisodeAlternates alternates, DescriptionParser parser,
			EpisodeSlugs slugs) {
		this.slugs = slugs;
		this.parser = parser;
		this.alternates = alternates;
		this.episodes = episodes;
		this.revisions = revisions;
		this.content = content;
		this.sources = sources;
		this.persons = persons;
	}

	/**
	 * Stores one item of a feed whose items have the identity keys {@code feedKeys}. An
	 * item with an unknown GUID is matched to an archived episode by its enclosure or
	 * link only when that episode's own key is not in the feed any more: two items that
	 * share a link (a show's home page) or an audio file are two episodes, not one
	 * overwriting the other.
	 */
	IngestOutcome store(long podcastId, FeedItem item, Instant now, Set<String> feedKeys) {
		var key = item.identityKey();
		var existing = findExisting(podcastId, key, item.audioKey(), item.link(), feedKeys);
		var episode = existing.orElseGet(() -> new Episode(podcastId, key, uniqueSlug(item.title(), key), now));
		if (existing.isPresent() && !revise(episode, item, now)) {
			return IngestOutcome.UNCHANGED;
		}
		episode.apply(item, now);
		var parsed = EpisodeSources.withInlineChapters(this.parser.parse(item.description()), item.extras());
		episode.applyNotes(parsed.showNotesHtml(), parsed.summary());
		this.episodes.saveAndFlush(episode);
		var linked = EpisodeSources.bestTranscript(item.extras());
		this.content.offerChapters(episode, EpisodeSources.chaptersSource(item, parsed), null, parsed.chapters());
		this.content.offerTranscript(episode, ContentSource.DESCRIPTION, (linked != null) ? linked.url() : null,
				(linked != null) ? linked.type() : null, parsed.segments());
		long storedSegments = this.content.segmentCount(episode.getId());
		episode.recordParseWarnings(EpisodeSources
			.warnings(ParseWarnings.of(item.description(), parsed, storedSegments, item.extras().transcripts()), item));
		this.sources.record(episode, item, storedSegments);
		this.persons.replace(episode.getId(), item.extras().persons());
		this.alternates.keep(episode.getId(), item.extras().alternateEnclosures());
		if (existing.isPresent()) {
			return IngestOutcome.UPDATED;
		}
		log.debug("New episode '{}' ({} chapters, {} transcript segments)", LogText.of(item.title()),
				parsed.chapters().size(), parsed.segments().size());
		return IngestOutcome.NEW;
	}

	/**
	 * Keeps what changes of an archived episode as a revision and takes a new GUID.
	 * @return false when the item is the stored one unchanged
	 */
	private boolean revise(Episode episode, FeedItem item, Instant now) {
		var key = item.identityKey();
		boolean guidChanged = !episode.getGuid().equals(key);
		if (!guidChanged && episode.getContentHash().equals(item.contentHash())) {
			return false;
		}
		var changed = changedFields(episode, item, guidChanged);
		if (!changed.isEmpty()) {
			this.revisions.save(new EpisodeRevision(episode, String.join(",", changed), now));
		}
		if (guidChanged) {
			log.info("Episode '{}' changed its GUID from {} to {}; kept as the same episode",
					LogText.of(episode.getTitle()), LogText.of(episode.getGuid()), LogText.of(key));
			episode.changeGuid(key);
		}
		return true;
	}

	private Optional<Episode> findExisting(long podcastId, String key, String audioKey, String link,
			Set<String> feedKeys) {
		var byGuid = this.episodes.findByPodcastIdAndGuid(podcastId, key);
		if (byGuid.isPresent()) {
			return byGuid;
		}
		// A host that regenerates GUIDs must not duplicate the archive: the same audio
		// file or the same post link is the same episode, unless that episode is still in
		// the feed under its own GUID.
		if (audioKey != null) {
			var byAudio = firstGoneFromFeed(this.episodes.findByPodcastIdAndAudioKeyOrderByIdAsc(podcastId, audioKey),
					feedKeys);
			if (byAudio.isPresent()) {
				return byAudio;
			}
		}
		return (link != null)
				? firstGoneFromFeed(this.episodes.findByPodcastIdAndLinkOrderByIdAsc(podcastId, link), feedKeys)
				: Optional.empty();
	}

	private static Optional<Episode> firstGoneFromFeed(List<Episode> candidates, Set<String> feedKeys) {
		return candidates.stream().filter((episode) -> !feedKeys.contains(episode.getGuid())).findFirst();
	}

	private static List<String> changedFields(Episode episode, FeedItem item, boolean guidChanged) {
		var changed = new ArrayList<String>();
		if (guidChanged) {
			changed.add("guid");
		}
		if (!Objects.equals(episode.getTitle(), item.title())) {
			changed.add("title");
		}
		if (!Objects.equals(episode.getRawDescription(), item.description())) {
			changed.add("description");
		}
		if (!Objects.equals(episode.getAudio().url(), item.audioUrl())) {
			changed.add("enclosure");
		}
		return changed;
	}

	private String uniqueSlug(String title, String identity) {
		return this.slugs.free(Slugs.of(title, identity));
	}

}
