package ai.interconnects.archive.episode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import ai.interconnects.archive.transcript.DescriptionParser;
import ai.interconnects.archive.transcript.ParsedDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores feed items as episodes. Each item is stored in its own transaction, so one bad
 * item cannot undo the others, and a poll cut short by a shutdown leaves every episode
 * either fully old or fully new; the next poll redoes what is missing.
 * <p>
 * Nothing is ever deleted: an episode that leaves the feed stays, and when an item
 * changes, the previous description is kept in {@code episode_revision}. A transcript or
 * chapter list that a later version of the item lost or shortened does not replace the
 * richer one already archived.
 */
@Service
public class EpisodeIngestService {

	private static final Logger log = LoggerFactory.getLogger(EpisodeIngestService.class);

	private final EpisodeRepository episodes;

	private final ChapterRepository chapters;

	private final TranscriptSegmentRepository segments;

	private final EpisodeRevisionRepository revisions;

	private final DescriptionParser parser = new DescriptionParser();

	EpisodeIngestService(EpisodeRepository episodes, ChapterRepository chapters, TranscriptSegmentRepository segments,
			EpisodeRevisionRepository revisions) {
		this.episodes = episodes;
		this.chapters = chapters;
		this.segments = segments;
		this.revisions = revisions;
	}

	/**
	 * The identity of an item: its GUID; without one, its enclosure URL without the query
	 * string, then its link, then its title and publication date.
	 */
	public static String identityKey(FeedItem item) {
		if (item.guid() != null && !item.guid().isBlank()) {
			return item.guid().strip();
		}
		var audioKey = audioKey(item.audioUrl());
		if (audioKey != null) {
			return "enclosure:" + audioKey;
		}
		if (item.link() != null) {
			return "link:" + item.link();
		}
		return "title:" + item.title() + "|" + item.publishedAt();
	}

	/** A hash over every stored field of the item, to skip unchanged items cheaply. */
	public static String contentHash(FeedItem item) {
		try {
			var digest = MessageDigest.getInstance("SHA-256");
			for (Object field : new Object[] { item.title(), item.link(), item.publishedAt(), item.durationSeconds(),
					item.audioUrl(), item.audioType(), item.audioLength(), item.imageUrl(), item.episodeType(),
					item.description() }) {
				digest.update(String.valueOf(field).getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/** The enclosure URL without query string or fragment (tracking parameters vary). */
	static String audioKey(String audioUrl) {
		if (audioUrl == null || audioUrl.isBlank()) {
			return null;
		}
		var url = audioUrl.strip();
		int cut = url.indexOf('?');
		if (cut >= 0) {
			url = url.substring(0, cut);
		}
		cut = url.indexOf('#');
		return (cut >= 0) ? url.substring(0, cut) : url;
	}

	@Transactional
	public IngestOutcome ingest(long podcastId, FeedItem item, Instant now) {
		return ingest(podcastId, item, now, Set.of());
	}

	/**
	 * Stores one item of a feed whose items have the identity keys {@code feedKeys}. An
	 * item with an unknown GUID is matched to an archived episode by its enclosure or
	 * link only when that episode's own key is not in the feed any more: two items that
	 * share a link (a show's home page) or an audio file are two episodes, not one
	 * overwriting the other.
	 */
	@Transactional
	public IngestOutcome ingest(long podcastId, FeedItem item, Instant now, Set<String> feedKeys) {
		var key = identityKey(item);
		var hash = contentHash(item);
		var audioKey = audioKey(item.audioUrl());
		var existing = findExisting(podcastId, key, audioKey, item.link(), feedKeys);
		if (existing.isEmpty()) {
			var episode = new Episode(podcastId, key, uniqueSlug(item.title()), now);
			episode.apply(item, audioKey, hash, now);
			var parsed = this.parser.parse(item.description());
			episode.applyNotes(parsed.showNotesHtml(), parsed.summary());
			episode.recordParseWarnings(ParseWarnings.of(item.description(), parsed, parsed.segments().size()));
			this.episodes.saveAndFlush(episode);
			replaceChapters(episode.getId(), parsed.chapters());
			replaceSegments(episode.getId(), parsed.segments());
			log.debug("New episode '{}' ({} chapters, {} transcript segments)", item.title(), parsed.chapters().size(),
					parsed.segments().size());
			return IngestOutcome.NEW;
		}
		var episode = existing.get();
		boolean guidChanged = !episode.getGuid().equals(key);
		if (!guidChanged && episode.getContentHash().equals(hash)) {
			return IngestOutcome.UNCHANGED;
		}
		var changed = changedFields(episode, item, guidChanged);
		if (!changed.isEmpty()) {
			this.revisions.save(new EpisodeRevision(episode, String.join(",", changed), now));
		}
		if (guidChanged) {
			log.info("Episode '{}' changed its GUID from {} to {}; kept as the same episode", episode.getTitle(),
					episode.getGuid(), key);
			episode.changeGuid(key);
		}
		episode.apply(item, audioKey, hash, now);
		var parsed = this.parser.parse(item.description());
		episode.applyNotes(parsed.showNotesHtml(), parsed.summary());
		this.episodes.saveAndFlush(episode);
		keepRicher(episode, parsed);
		episode.recordParseWarnings(
				ParseWarnings.of(item.description(), parsed, this.segments.countByEpisodeId(episode.getId())));
		return IngestOutcome.UPDATED;
	}

	/**
	 * Rebuilds chapters and transcript of one episode from its stored descriptions (the
	 * current one and every earlier revision), keeping the richest, so that parser
	 * improvements reach the whole archive without a re-fetch.
	 * @return the number of transcript segments the episode has afterwards
	 */
	@Transactional
	public int reparse(long episodeId) {
		var episode = this.episodes.findById(episodeId)
			.orElseThrow(() -> new IllegalArgumentException("No episode " + episodeId));
		var current = this.parser.parse(episode.getRawDescription());
		episode.applyNotes(current.showNotesHtml(), current.summary());
		var bestChapters = current.chapters();
		var bestSegments = current.segments();
		for (var revision : this.revisions.findByEpisodeIdOrderByRecordedAtDesc(episodeId)) {
			var old = this.parser.parse(revision.getOldRawDescription());
			if (old.chapters().size() > bestChapters.size()) {
				bestChapters = old.chapters();
			}
			if (old.segments().size() > bestSegments.size()) {
				bestSegments = old.segments();
			}
		}
		replaceChapters(episodeId, bestChapters);
		replaceSegments(episodeId, bestSegments);
		episode.recordParseWarnings(ParseWarnings.of(episode.getRawDescription(), current, bestSegments.size()));
		episode.reparsed(Instant.now());
		return bestSegments.size();
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
		if (!Objects.equals(episode.getAudioUrl(), item.audioUrl())) {
			changed.add("enclosure");
		}
		return changed;
	}

	private void keepRicher(Episode episode, ParsedDescription parsed) {
		long id = episode.getId();
		long storedChapters = this.chapters.countByEpisodeId(id);
		if (parsed.chapters().size() >= storedChapters) {
			replaceChapters(id, parsed.chapters());
		}
		else {
			log.warn("Episode '{}': the feed now lists {} chapters, the archive has {}; keeping the archived ones",
					episode.getTitle(), parsed.chapters().size(), storedChapters);
		}
		long storedSegments = this.segments.countByEpisodeId(id);
		if (parsed.segments().size() >= storedSegments) {
			replaceSegments(id, parsed.segments());
		}
		else {
			log.warn(
					"Episode '{}': the feed's transcript has {} segments, the archive has {}; keeping the archived transcript",
					episode.getTitle(), parsed.segments().size(), storedSegments);
		}
	}

	private void replaceChapters(long episodeId, List<ParsedDescription.Chapter> parsed) {
		this.chapters.deleteByEpisodeId(episodeId);
		var rows = new ArrayList<Chapter>(parsed.size());
		for (int i = 0; i < parsed.size(); i++) {
			var chapter = parsed.get(i);
			rows.add(new Chapter(episodeId, i, chapter.startSeconds(), chapter.title()));
		}
		this.chapters.saveAll(rows);
	}

	private void replaceSegments(long episodeId, List<ParsedDescription.Segment> parsed) {
		this.segments.deleteByEpisodeId(episodeId);
		var rows = new ArrayList<TranscriptSegment>(parsed.size());
		for (int i = 0; i < parsed.size(); i++) {
			var segment = parsed.get(i);
			rows.add(new TranscriptSegment(episodeId, i, segment.startSeconds(), segment.speaker(), segment.text()));
		}
		this.segments.saveAll(rows);
	}

	private String uniqueSlug(String title) {
		var base = Slugs.of(title);
		var slug = base;
		for (int n = 2; this.episodes.existsBySlug(slug); n++) {
			slug = base + "-" + n;
		}
		return slug;
	}

}
