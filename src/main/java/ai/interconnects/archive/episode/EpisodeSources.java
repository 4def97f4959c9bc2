package ai.interconnects.archive.episode;

import java.util.ArrayList;
import java.util.List;

import ai.interconnects.archive.feed.client.FeedItem;

import ai.interconnects.archive.feed.client.ItemExtras;
import ai.interconnects.archive.transcript.ParsedDescription;
import ai.interconnects.archive.transcript.TranscriptFiles;
import ai.interconnects.archive.transcript.TranscriptFormat;

import org.springframework.stereotype.Component;

/**
 * Where an episode's transcript and chapters come from, and the publisher files it links.
 * The description gives them unless a better source exists: Podlove chapters written in
 * the item replace a description's list when they are at least as many; a fetched
 * publisher file, once current, is not replaced by the description (which stays stored as
 * the item's raw description, so nothing is lost).
 */
@Component
class EpisodeSources {

	private final EpisodeFileRepository files;

	EpisodeSources(EpisodeFileRepository files) {
		this.files = files;
	}

	/** The item's Podlove chapters, by start time; unusable entries are left out. */
	static List<ParsedDescription.Chapter> inlineChapters(ItemExtras extras) {
		var chapters = new ArrayList<ParsedDescription.Chapter>();
		for (var raw : extras.inlineChapters()) {
			var chapter = TranscriptFiles.podloveChapter(raw.start(), raw.title(), raw.href(), raw.image());
			if (chapter != null) {
				chapters.add(chapter);
			}
		}
		chapters.sort(java.util.Comparator.comparingInt(ParsedDescription.Chapter::startSeconds));
		return chapters;
	}

	/** The best transcript file the item links (JSON, VTT, SRT, HTML, text), or null. */
	static ItemExtras.FileLink bestTranscript(ItemExtras extras) {
		return extras.transcripts()
			.stream()
			.filter((link) -> TranscriptFormat.of(link.type(), link.url()) != null)
			.min(java.util.Comparator.comparingInt((link) -> TranscriptFormat.of(link.type(), link.url()).preference()))
			.orElse(null);
	}

	/** The description's parse, with the item's inline chapters when they are richer. */
	static ParsedDescription withInlineChapters(ParsedDescription parsed, ItemExtras extras) {
		var inline = inlineChapters(extras);
		if (inline.isEmpty() || inline.size() < parsed.chapters().size()) {
			return parsed;
		}
		return new ParsedDescription(parsed.showNotesHtml(), parsed.summary(), inline, parsed.segments(),
				parsed.skipped(), parsed.unusedTimestamps());
	}

	/** The description's warnings followed by what was guessed reading the item. */
	static String warnings(String descriptionWarnings, FeedItem item) {
		var all = new ArrayList<String>();
		if (descriptionWarnings != null) {
			all.add(descriptionWarnings);
		}
		all.addAll(item.extras().warnings());
		return all.isEmpty() ? null : String.join("\n", all);
	}

	/**
	 * Where the chapters of {@code parsed} come from: the item's own, or its description.
	 */
	static ContentSource chaptersSource(FeedItem item, ParsedDescription parsed) {
		boolean inline = !item.extras().inlineChapters().isEmpty()
				&& parsed.chapters().equals(inlineChapters(item.extras()));
		return inline ? ContentSource.INLINE : ContentSource.DESCRIPTION;
	}

	/**
	 * Names the transcript file the item links, and points the episode's file rows at the
	 * files the item links now (a changed URL makes the file due again; a link that
	 * disappeared leaves its row, and what was fetched, in place).
	 */
	void record(Episode episode, FeedItem item, long storedSegments) {
		var best = bestTranscript(item.extras());
		if (episode.getTranscriptSource() != ContentSource.FILE) {
			// the publisher's file, when there is one, is named even while the
			// description's transcript is current (or before the file is fetched): the
			// page links it
			episode.transcriptFrom((storedSegments > 0) ? ContentSource.DESCRIPTION : null,
					(best != null) ? best.url() : null, (best != null) ? best.type() : null);
		}
		var extras = item.extras();
		if (best != null) {
			link(episode.getId(), EpisodeFile.Kind.TRANSCRIPT, best);
		}
		if (extras.chapters() != null) {
			link(episode.getId(), EpisodeFile.Kind.CHAPTERS, extras.chapters());
		}
	}

	private void link(long episodeId, EpisodeFile.Kind kind, ItemExtras.FileLink link) {
		var existing = this.files.findByEpisodeIdAndKind(episodeId, kind);
		if (existing.isPresent()) {
			existing.get().pointTo(link.url(), link.type());
		}
		else {
			this.files.save(new EpisodeFile(episodeId, kind, link.url(), link.type()));
		}
	}

	List<EpisodeFile> files(long episodeId) {
		return this.files.findByEpisodeId(episodeId);
	}

}
