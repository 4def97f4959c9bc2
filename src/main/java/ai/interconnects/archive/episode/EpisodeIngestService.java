package ai.interconnects.archive.episode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;

import ai.interconnects.archive.LogText;
import ai.interconnects.archive.feed.client.FeedItem;
import ai.interconnects.archive.feed.client.ItemExtras;
import ai.interconnects.archive.transcript.DescriptionParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores feed items as episodes. Each item is stored in its own transaction, so one bad
 * item cannot undo the others, and a poll cut short by a shutdown leaves every episode
 * either fully old or fully new; the next poll redoes what is missing. How one item is
 * matched to its episode and stored is {@link EpisodeUpsert}'s job.
 * <p>
 * Nothing is ever deleted: an episode that leaves the feed stays, and when an item
 * changes, the previous description is kept in {@code episode_revision}. Whether a
 * transcript or chapter list replaces the archived one is {@link EpisodeContent}'s rule.
 */
@Service
public class EpisodeIngestService {

	private static final Logger log = LoggerFactory.getLogger(EpisodeIngestService.class);

	private final EpisodeRepository episodes;

	private final EpisodeRevisionRepository revisions;

	private final EpisodeContent content;

	private final TransactionTemplate tx;

	private final EpisodeUpsert upsert;

	private final Clock clock;

	private final DescriptionParser parser;

	EpisodeIngestService(EpisodeRepository episodes, EpisodeRevisionRepository revisions, EpisodeContent content,
			TransactionTemplate tx, EpisodeUpsert upsert, Clock clock, DescriptionParser parser) {
		this.parser = parser;
		this.clock = clock;
		this.episodes = episodes;
		this.revisions = revisions;
		this.content = content;
		this.tx = tx;
		this.upsert = upsert;
	}

	/**
	 * Stores the items of one read of the feed: an item listed twice is stored once, an
	 * item whose content hash matches the archived episode is skipped without a query,
	 * and every other item is stored in its own transaction, so one bad item cannot undo
	 * the others. Finally the episodes the feed still lists are marked as seen.
	 */
	public IngestReport ingestFeed(long podcastId, List<FeedItem> feedItems, Instant now) {
		// a GUID reused by different episodes gives each its own stable identity; the
		// same episode listed twice is skipped with a reason
		var resolved = SharedGuids.resolve(feedItems);
		var items = resolved.items();
		var skipped = new ArrayList<IngestReport.Failure>();
		for (var repeat : resolved.skipped()) {
			log.info("The feed lists '{}' ({}) more than once; storing the first", LogText.of(repeat.title()),
					LogText.of(repeat.key()));
			skipped.add(new IngestReport.Failure(repeat.key(), repeat.title(), repeat.reason()));
		}
		var stored = new HashMap<String, String>();
		for (StoredHash hash : this.episodes.findHashes(podcastId)) {
			stored.put(hash.guid(), hash.contentHash());
		}
		var feedKeys = new HashSet<String>();
		items.forEach((item) -> feedKeys.add(item.identityKey()));
		var seenKeys = new LinkedHashSet<String>();
		var failures = new ArrayList<IngestReport.Failure>();
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		for (var item : items) {
			var key = item.identityKey();
			if (!seenKeys.add(key)) {
				skipped.add(new IngestReport.Failure(key, item.title(), "Skipped: listed again in the same file"));
				continue;
			}
			if (item.contentHash().equals(stored.get(key))) {
				unchanged++;
				continue;
			}
			try {
				switch (this.tx.execute((status) -> this.upsert.store(podcastId, item, now, feedKeys))) {
					case NEW -> created++;
					case UPDATED -> updated++;
					case UNCHANGED -> unchanged++;
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not store feed item '{}' ({}): {}", LogText.of(item.title()), LogText.of(key),
						LogText.of(ex.getMessage()));
				failures.add(new IngestReport.Failure(key, item.title(), ex.getClass().getSimpleName() + ": "
						+ ((ex.getMessage() != null) ? ex.getMessage() : "no message")));
			}
		}
		if (!seenKeys.isEmpty()) {
			this.tx.executeWithoutResult((status) -> this.episodes.markSeen(podcastId, seenKeys, now));
		}
		return new IngestReport(feedItems.size(), created, updated, unchanged, List.copyOf(failures),
				List.copyOf(skipped));
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
			if (EpisodeContent.richness(old.segments()) > EpisodeContent.richness(bestSegments)) {
				bestSegments = old.segments();
			}
		}
		// chapters and transcripts from a better source than the description stay
		this.content.offerChapters(episode, ContentSource.DESCRIPTION, null, bestChapters);
		boolean fromFile = episode.getTranscriptSource() == ContentSource.FILE;
		this.content.offerTranscript(episode, ContentSource.DESCRIPTION, episode.getTranscriptUrl(),
				episode.getTranscriptType(), bestSegments);
		int stored = (int) this.content.segmentCount(episodeId);
		// the publisher's file the item links (only a readable one is kept) brings the
		// transcript the description lacks; what reading the item's XML reported stays,
		// since a re-parse reads only descriptions
		var file = (episode.getTranscriptUrl() != null)
				? List.of(new ItemExtras.FileLink(episode.getTranscriptUrl(), episode.getTranscriptType()))
				: List.<ItemExtras.FileLink>of();
		episode.recordParseWarnings(
				ParseWarnings.join(ParseWarnings.of(episode.getRawDescription(), current, stored, file),
						ParseWarnings.fromTheItem(episode.getParseWarnings())));
		if (!fromFile) {
			episode.reparsed(this.clock.instant());
		}
		return stored;
	}

}
