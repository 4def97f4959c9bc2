package ai.interconnects.archive.episode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import ai.interconnects.archive.LogText;
import ai.interconnects.archive.transcript.TranscriptFiles;
import ai.interconnects.archive.transcript.TranscriptFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores what the publisher's transcript and chapter files say. Every fetched body is
 * kept on its {@code episode_file} row; whether it becomes the episode's current
 * transcript or chapters is {@link EpisodeContent}'s rule (a file usually carries times,
 * ends and speakers a description lacks, but a summary-only file must not replace a full
 * transcript). The one not current stays stored: nothing is thrown away, and the
 * transcript page says which one it shows.
 */
@Service
public class PublisherFileService {

	private static final Logger log = LoggerFactory.getLogger(PublisherFileService.class);

	/**
	 * How many candidate rows are read for each file fetched (the due rule is exact in
	 * Java).
	 */
	private static final int CANDIDATES_PER_FETCH = 10;

	private final EpisodeFileRepository files;

	private final EpisodeRepository episodes;

	private final EpisodeContent content;

	PublisherFileService(EpisodeFileRepository files, EpisodeRepository episodes, EpisodeContent content) {
		this.files = files;
		this.episodes = episodes;
		this.content = content;
	}

	/**
	 * A file to fetch: the validators are only given when a body is stored (a conditional
	 * GET of a file never stored would leave nothing to fall back on).
	 */
	public record DueFile(long id, long episodeId, EpisodeFile.Kind kind, String url, String mediaType, String etag,
			String lastModified) {
	}

	/**
	 * At most {@code limit} files of the podcast that are due at {@code now}, never-tried
	 * ones first, then the longest untried.
	 */
	@Transactional(readOnly = true)
	public List<DueFile> dueFiles(long podcastId, Instant now, Duration refresh, Duration retryAfter, int limit) {
		if (limit <= 0) {
			return List.of();
		}
		var shortest = (refresh.compareTo(retryAfter) < 0) ? refresh : retryAfter;
		var due = new ArrayList<DueFile>();
		for (var file : this.files.findCandidates(podcastId, now.minus(shortest),
				Limit.of(limit * CANDIDATES_PER_FETCH))) {
			if (due.size() >= limit) {
				break;
			}
			if (file.isDue(now, refresh, retryAfter)) {
				boolean conditional = file.canRevalidate();
				due.add(new DueFile(file.getId(), file.getEpisodeId(), file.getKind(), file.getUrl(),
						file.getMediaType(), conditional ? file.getEtag() : null,
						conditional ? file.getLastModified() : null));
			}
		}
		return due;
	}

	/** Whether the podcast has files linked that were never fetched successfully. */
	@Transactional(readOnly = true)
	public long pendingFiles(long podcastId) {
		return this.files.countPending(podcastId);
	}

	/**
	 * Stores a fetched file and makes it the episode's transcript or chapters when it is
	 * the richer source. A body that is not what its type claims is kept and recorded as
	 * the file's failure (retried later, in case the publisher fixes it).
	 */
	@Transactional
	public void fetched(long fileId, String body, String etag, String lastModified, Instant now) {
		var file = this.files.findById(fileId).orElseThrow();
		file.fetched(body, etag, lastModified, now);
		var episode = this.episodes.findById(file.getEpisodeId()).orElseThrow();
		try {
			if (file.getKind() == EpisodeFile.Kind.TRANSCRIPT) {
				applyTranscript(episode, file);
			}
			else {
				applyChapters(episode, file);
			}
		}
		catch (IllegalArgumentException ex) {
			failed(file, "Fetched but not readable: " + ex.getMessage(), now);
			log.warn("Episode '{}': the {} file {} is not readable: {}", LogText.of(episode.getTitle()),
					file.getKind().name().toLowerCase(java.util.Locale.ROOT), LogText.of(file.getUrl()),
					LogText.of(ex.getMessage()));
		}
	}

	/** The file did not change since it was stored (HTTP 304). */
	@Transactional
	public void notModified(long fileId, Instant now) {
		this.files.findById(fileId).ifPresent((file) -> file.notModified(now));
	}

	/** The fetch failed; the episode keeps what it has and the file is retried later. */
	@Transactional
	public void failed(long fileId, String message, Instant now) {
		this.files.findById(fileId).ifPresent((file) -> failed(file, message, now));
	}

	/**
	 * A transcript file's first failure in a row changes what its page says ("could not
	 * be read" instead of "not read yet"), so the episode counts as changed for the
	 * pages' caches; the retries that fail again change nothing a reader sees.
	 */
	private void failed(EpisodeFile file, String message, Instant now) {
		boolean first = file.getFailure() == null;
		file.failed(message, now);
		if (first && file.getKind() == EpisodeFile.Kind.TRANSCRIPT) {
			this.episodes.findById(file.getEpisodeId()).ifPresent((episode) -> episode.fileTroubleChanged(now));
		}
	}

	private void applyTranscript(Episode episode, EpisodeFile file) {
		var format = TranscriptFormat.of(file.getMediaType(), file.getUrl());
		if (format == null) {
			throw new IllegalArgumentException("unknown transcript type " + file.getMediaType());
		}
		this.content.offerTranscript(episode, ContentSource.FILE, file.getUrl(), format.mimeType(),
				TranscriptFiles.transcript(format, file.getBody()));
	}

	private void applyChapters(Episode episode, EpisodeFile file) {
		this.content.offerChapters(episode, ContentSource.FILE, file.getUrl(),
				TranscriptFiles.chapters(file.getBody()));
	}

}
