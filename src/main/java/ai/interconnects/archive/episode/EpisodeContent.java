package ai.interconnects.archive.episode;

import java.util.ArrayList;
import java.util.List;

import ai.interconnects.archive.LogText;
import ai.interconnects.archive.transcript.ParsedDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * An episode's chapters and transcript segments, written whole. A transcript or chapter
 * list that a later version of the item lost or shortened does not replace the richer one
 * already archived. Runs inside the caller's transaction.
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

	long chapterCount(long episodeId) {
		return this.chapters.countByEpisodeId(episodeId);
	}

	long segmentCount(long episodeId) {
		return this.segments.countByEpisodeId(episodeId);
	}

	void keepRicher(Episode episode, ParsedDescription parsed) {
		long id = episode.getId();
		long storedChapters = this.chapters.countByEpisodeId(id);
		if (episode.getChaptersSource() == ContentSource.FILE) {
			// the publisher's chapters file stays current; the description is kept raw
		}
		else if (parsed.chapters().size() >= storedChapters) {
			replaceChapters(id, parsed.chapters());
		}
		else {
			log.warn("Episode '{}': the feed now lists {} chapters, the archive has {}; keeping the archived ones",
					LogText.of(episode.getTitle()), parsed.chapters().size(), storedChapters);
		}
		long storedSegments = this.segments.countByEpisodeId(id);
		if (episode.getTranscriptSource() == ContentSource.FILE) {
			// the publisher's transcript file stays current; the description is kept raw
		}
		else if (parsed.segments().size() >= storedSegments) {
			replaceSegments(id, parsed.segments());
		}
		else {
			log.warn(
					"Episode '{}': the feed's transcript has {} segments, the archive has {}; keeping the archived transcript",
					LogText.of(episode.getTitle()), parsed.segments().size(), storedSegments);
		}
	}

	void replaceChapters(long episodeId, List<ParsedDescription.Chapter> parsed) {
		this.chapters.deleteByEpisodeId(episodeId);
		var rows = new ArrayList<Chapter>(parsed.size());
		for (int i = 0; i < parsed.size(); i++) {
			var chapter = parsed.get(i);
			rows.add(new Chapter(episodeId, i, chapter.startSeconds(), chapter.endSeconds(), chapter.title(),
					chapter.url(), chapter.imageUrl()));
		}
		this.chapters.saveAll(rows);
	}

	void replaceSegments(long episodeId, List<ParsedDescription.Segment> parsed) {
		this.segments.deleteByEpisodeId(episodeId);
		var rows = new ArrayList<TranscriptSegment>(parsed.size());
		for (int i = 0; i < parsed.size(); i++) {
			var segment = parsed.get(i);
			rows.add(new TranscriptSegment(episodeId, i, segment.startSeconds(), segment.endSeconds(),
					segment.speaker(), segment.text()));
		}
		this.segments.saveAll(rows);
	}

}
