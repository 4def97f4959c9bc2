package ai.interconnects.archive.poll;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import ai.interconnects.archive.LogText;
import ai.interconnects.archive.episode.PublisherFileService;
import ai.interconnects.archive.feed.client.FeedClient;
import ai.interconnects.archive.feed.client.FeedException;
import ai.interconnects.archive.feed.client.FetchResult;
import ai.interconnects.archive.web.WebUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The poll's last stage: fetches the transcript and chapter files episodes link, with the
 * feed's own {@link FeedFetcher} (the same size limit, timeouts, deadline, redirect
 * rules, conditional GET and fetch-target policy: that fetcher is the one place a URL
 * from a feed is requested).
 * <p>
 * Polite by construction: only files that are due are fetched (never fetched, their URL
 * changed, a failure's retry delay passed, or the refresh interval, the feed's
 * unconditional interval, passed: then conditionally), at most
 * {@code archive.feed.max-file-fetches-per-poll} of them and for at most
 * {@code archive.feed.file-fetch-budget}. A file that fails is recorded on its episode
 * and retried later; it never fails the poll.
 */
@Component
class PublisherFileFetcher {

	private static final Logger log = LoggerFactory.getLogger(PublisherFileFetcher.class);

	private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([^;\"\\s]+)");

	private final FeedClient fetcher;

	private final PublisherFileService files;

	private final FileFetchProperties properties;

	private final PollProperties poll;

	private final Clock clock;

	PublisherFileFetcher(FeedClient fetcher, PublisherFileService files, FileFetchProperties properties,
			PollProperties poll, Clock clock) {
		this.fetcher = fetcher;
		this.files = files;
		this.properties = properties;
		this.poll = poll;
		this.clock = clock;
	}

	/** What one poll did with the files. */
	record Outcome(int fetched, int notModified, int failed, long pending) {

		static final Outcome NONE = new Outcome(0, 0, 0, 0);

		int attempted() {
			return this.fetched + this.notModified + this.failed;
		}

		/** For the run's message; {@code null} when no file was due. */
		String note() {
			if (attempted() == 0 && this.pending == 0) {
				return null;
			}
			return "Publisher files: " + this.fetched + " fetched, " + this.notModified + " unchanged, " + this.failed
					+ " failed" + ((this.pending > 0) ? ", " + this.pending + " waiting for later polls" : "");
		}

	}

	/** Fetches what is due; never throws (a failure here is logged, not the poll's). */
	Outcome fetchDue(long podcastId) {
		try {
			return fetchDueFiles(podcastId);
		}
		catch (RuntimeException ex) {
			log.warn("Fetching the publisher files failed; they are retried on the next poll", ex);
			return Outcome.NONE;
		}
	}

	private Outcome fetchDueFiles(long podcastId) {
		var start = this.clock.instant();
		var due = this.files.dueFiles(podcastId, start, this.poll.unconditionalInterval(),
				this.properties.fileRetryAfter(), this.properties.maxFileFetchesPerPoll());
		int fetched = 0;
		int notModified = 0;
		int failed = 0;
		for (var file : due) {
			if (Duration.between(start, this.clock.instant()).compareTo(this.properties.fileFetchBudget()) > 0) {
				log.info("File fetch budget of {} spent; {} due file(s) wait for the next poll",
						this.properties.fileFetchBudget(), due.size() - fetched - notModified - failed);
				break;
			}
			var now = this.clock.instant();
			try {
				var url = URI.create(file.url());
				if (!WebUrl.isWeb(url)) {
					// the feed client also reads file: URLs (a configured local feed); a
					// publisher's file never comes from this machine's disk
					throw new IllegalArgumentException("Not an http(s) URL: " + file.url());
				}
				var result = this.fetcher.fetch(url, file.etag(), file.lastModified());
				if (result.notModified()) {
					this.files.notModified(file.id(), now);
					notModified++;
				}
				else {
					this.files.fetched(file.id(), text(result), result.etag(), result.lastModified(), now);
					fetched++;
				}
			}
			catch (FeedException | RuntimeException ex) {
				failed++;
				log.warn("Could not fetch the {} file {} of episode {}: {}",
						file.kind().name().toLowerCase(Locale.ROOT), LogText.of(file.url()), file.episodeId(),
						LogText.of(ex.getMessage()));
				this.files.failed(file.id(), describe(ex), now);
			}
		}
		return new Outcome(fetched, notModified, failed, this.files.pendingFiles(podcastId));
	}

	private static String describe(Exception ex) {
		var message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		return (ex instanceof FeedException) ? message : ex.getClass().getSimpleName() + ": " + message;
	}

	/** The body as text: the declared charset, else UTF-8 (a BOM is dropped). */
	static String text(FetchResult result) {
		Charset charset = StandardCharsets.UTF_8;
		if (result.contentType() != null) {
			var matcher = CHARSET.matcher(result.contentType());
			if (matcher.find()) {
				try {
					charset = Charset.forName(matcher.group(1));
				}
				catch (IllegalArgumentException ex) {
					// an unknown charset: UTF-8 is the best guess for these formats
				}
			}
		}
		var text = new String(result.body(), charset);
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

}
