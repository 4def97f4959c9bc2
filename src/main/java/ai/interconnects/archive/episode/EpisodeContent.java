package ai.interconnects.archive.episode;

import java.util.ArrayList;
import java.util.List;

import ai.interconnects.archive.LogText;
import ai.interconnects.archive.transcript.ParsedDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The one rule for an episode's transcript and chapter list, and their only writer. What
 * is offered, with its source, replaces what is stored when:
 * <ul>
 * <li>its source is better (the publisher's file, then chapters written in the item, then
 * the description) and what is stored is not clearly richer (by more than a tenth);</li>
 * <li>or its source is the same and it is at least as rich.</li>
 * </ul>
 * A lesser source never replaces. Richness is one measure: the characters of a
 * transcript's text, the number of a list's chapters. What loses stays stored where it
 * came from (the raw description, the file's body): nothing is lost. Runs inside the
 * caller's transaction.
 */
@Component
class EpisodeContent {

	private static final Logger log = LoggerFactory.getLogger(EpisodeContent.class);

	private final ChapterRepository chapters;

	private final TranscriptSegmentRepository segments;

	EpisodeContent(ChapterRepository chapters, TranscriptSegmentRepository segments) {
		this.chapters = chapters;
		this.segments = segments;
	}

	/**
	 * Offers a chapter list from {@code source} ({@code url}: the file it came from, or
	 * null); writes it and its source when it wins.
	 * @return whether it replaced the stored list
	 */
	boolean offerChapters(Episode episode, ContentSource source, String url, List<ParsedDescription.Chapter> offered) {
		long id = episode.getId();
		long stored = this.chapters.countByEpisodeId(id);
		if (!replaces(source(episode.getChaptersSource()), stored, source, offered.size())) {
			log.warn("Episode '{}': {} chapters from the {} do not replace the {} archived ones",
					LogText.of(episode.getTitle()), offered.size(), name(source), stored);
			return false;
		}
		this.chapters.deleteByEpisodeId(id);
		this.chapters.flush();
		var rows = new ArrayList<Chapter>(offered.size());
		for (int i = 0; i < offered.size(); i++) {
			var chapter = offered.get(i);
			rows.add(new Chapter(id, i, chapter.startSeconds(), chapter.endSeconds(), chapter.title(), chapter.url(),
					chapter.imageUrl()));
		}
		this.chapters.saveAll(rows);
		episode.chaptersFrom(offered.isEmpty() ? null : source, url);
		return true;
	}

	/**
	 * Offers a transcript from {@code source} ({@code url} and {@code type}: the file it
	 * came from, or the file the item links while its description gives the transcript);
	 * writes it and its source when it wins.
	 * @return whether it replaced the stored transcript
	 */
	boolean offerTranscript(Episode episode, ContentSource source, String url, String type,
			List<ParsedDescription.Segment> offered) {
		long id = episode.getId();
		long stored = this.segments.findByEpisodeIdOrderByPosition(id)
			.stream()
			.mapToLong((segment) -> segment.getText().length())
			.sum();
		long richness = richness(offered);
		if (!replaces(source(episode.getTranscriptSource()), stored, source, richness)) {
			log.warn("Episode '{}': a transcript of {} characters from the {} does not replace the archived one of {}",
					LogText.of(episode.getTitle()), richness, name(source), stored);
			return false;
		}
		this.segments.deleteByEpisodeId(id);
		this.segments.flush();
		var rows = new ArrayList<TranscriptSegment>(offered.size());
		for (int i = 0; i < offered.size(); i++) {
			var segment = offered.get(i);
			rows.add(new TranscriptSegment(id, i, segment.startSeconds(), segment.endSeconds(), segment.speaker(),
					segment.text()));
		}
		this.segments.saveAll(rows);
		episode.transcriptFrom(offered.isEmpty() ? null : source, url, type);
		return true;
	}

	/** The rule itself (see the class comment); nothing stored is always replaced. */
	static boolean replaces(ContentSource stored, long storedRichness, ContentSource offered, long offeredRichness) {
		if (storedRichness == 0 && stored != ContentSource.FILE) {
			return true;
		}
		int better = Integer.compare(rank(offered), rank(stored));
		if (better < 0) {
			return false;
		}
		return (better > 0) ? storedRichness <= offeredRichness + offeredRichness / 10
				: offeredRichness >= storedRichness;
	}

	/** A transcript's richness: the characters of its text. */
	static long richness(List<ParsedDescription.Segment> transcript) {
		return transcript.stream().mapToLong((segment) -> segment.text().length()).sum();
	}

	long chapterCount(long episodeId) {
		return this.chapters.countByEpisodeId(episodeId);
	}

	long segmentCount(long episodeId) {
		return this.segments.countByEpisodeId(episodeId);
	}

	private static int rank(ContentSource source) {
		return switch (source) {
			case FILE -> 3;
			case INLINE -> 2;
			case DESCRIPTION -> 1;
		};
	}

	/** Rows stored before sources were recorded came from the description. */
	private static ContentSource source(ContentSource stored) {
		return (stored != null) ? stored : ContentSource.DESCRIPTION;
	}

	private static String name(ContentSource source) {
		return switch (source) {
			case FILE -> "publisher's file";
			case INLINE -> "item";
			case DESCRIPTION -> "description";
		};
	}

}
