package ai.interconnects.archive.api;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

import ai.interconnects.archive.episode.ImportedEpisode;
import ai.interconnects.archive.episode.ImportedEpisodes;
import ai.interconnects.archive.show.ShowRows;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Restores a backup written by {@link ArchiveExporter} into this archive, empty or not,
 * with nothing lost or duplicated: each line is stored in a transaction of its own
 * ({@link ShowRows#resolve} for a show line, {@link ImportedEpisodes#store} for an
 * episode line), so a line that cannot be read or stored is reported with its number and
 * reason, leaves nothing half-written, and the rest go on. Episode lines of old exports
 * (no show lines) go to the show of their {@code feedUrl}. One import runs at a time.
 */
@Component
public class ArchiveImporter {

	private final JsonMapper json;

	private final ShowRows shows;

	private final ImportedEpisodes episodes;

	private final ImportProperties properties;

	private final Clock clock;

	private final Semaphore running = new Semaphore(1);

	private final TransactionTemplate tx;

	ArchiveImporter(JsonMapper json, ShowRows shows, ImportedEpisodes episodes, ImportProperties properties,
			Clock clock, TransactionTemplate tx) {
		this.tx = tx;
		this.json = json;
		this.shows = shows;
		this.episodes = episodes;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Reads {@code in} (not closed) to its end, or to where it cannot be read further.
	 */
	public ImportReport importFrom(InputStream in) {
		var tally = new ImportReport.Tally();
		if (!this.running.tryAcquire()) {
			tally.complete = false;
			tally.problem(0, "Another import is running; try again when it has finished");
			return tally.report();
		}
		var run = new Run(tally);
		long lastLine = 0;
		try {
			var lines = ImportLines.open(in, this.properties.maxLineSize().toBytes());
			for (ImportLines.Raw raw; (raw = lines.next()) != null;) {
				lastLine = raw.number();
				tally.lines = raw.number();
				if (raw.tooLong()) {
					tally.problem(raw.number(),
							"longer than " + this.properties.maxLineSize().toMegabytes() + " MB; skipped");
					continue;
				}
				if (isBlank(raw.bytes())) {
					continue;
				}
				try {
					run.line(this.json.readTree(raw.bytes()));
				}
				catch (JacksonException ex) {
					tally.problem(raw.number(), "not a readable line: " + ex.getOriginalMessage());
				}
				catch (RuntimeException ex) {
					tally.problem(raw.number(), reason(ex));
				}
			}
		}
		catch (IOException ex) {
			tally.complete = false;
			tally.problem(0, "The file could not be read after line " + lastLine + " (" + reason(ex)
					+ "); every line before it was imported");
		}
		finally {
			this.running.release();
		}
		return tally.report();
	}

	/** One import's state: the shows its show lines named, by slug and by feed. */
	private final class Run {

		private final ImportReport.Tally tally;

		private final Map<String, Long> showsBySlug = new HashMap<>();

		private final Map<String, Long> showsByFeed = new HashMap<>();

		Run(ImportReport.Tally tally) {
			this.tally = tally;
		}

		void line(JsonNode node) {
			if (!node.isObject()) {
				throw new IllegalArgumentException("not a JSON object");
			}
			var format = node.get("format");
			if (format == null || !format.isInt() || format.intValue() != ArchiveExporter.FORMAT_VERSION) {
				throw new IllegalArgumentException(
						"format " + format + " is not one this archive reads (" + ArchiveExporter.FORMAT_VERSION + ")");
			}
			var type = node.get("type");
			if (type != null && ArchiveExporter.SHOW.equals(type.asString())) {
				show(ArchiveImporter.this.json.treeToValue(node, ArchiveExporter.ShowLine.class));
			}
			else if (type == null || ArchiveExporter.EPISODE.equals(type.asString())) {
				episode(ArchiveImporter.this.json.treeToValue(node, ArchiveExporter.Line.class));
			}
			else {
				throw new IllegalArgumentException("unknown type " + type);
			}
		}

		private void show(ArchiveExporter.ShowLine line) {
			var resolved = ArchiveImporter.this.shows.resolve(line.row(), ArchiveImporter.this.clock.instant());
			count(resolved);
			if (line.slug() != null) {
				this.showsBySlug.put(line.slug(), resolved.id());
			}
			this.showsByFeed.put(line.configuredUrl(), resolved.id());
		}

		private void count(ShowRows.Resolved resolved) {
			if (resolved.created()) {
				this.tally.showsCreated++;
			}
			else {
				this.tally.showsMatched++;
			}
			if (resolved.restored()) {
				this.tally.showsRestored++;
			}
		}

		/**
		 * An episode line and, for an old export's line, the show of its feed, in one
		 * transaction: a line that fails leaves no show behind either.
		 */
		private void episode(ArchiveExporter.Line line) {
			Long known = (line.show() != null && line.show().slug() != null) ? this.showsBySlug.get(line.show().slug())
					: null;
			if (known == null && line.feedUrl() != null) {
				known = this.showsByFeed.get(line.feedUrl());
			}
			if (known == null && line.feedUrl() == null) {
				throw new IllegalArgumentException("the episode names no show of this file and no feedUrl");
			}
			var now = ArchiveImporter.this.clock.instant();
			Long show = known;
			var stored = ArchiveImporter.this.tx.execute((status) -> {
				var resolved = (show != null) ? null
						: ArchiveImporter.this.shows.resolve(ShowRows.ShowRow.ofFeed(line.feedUrl()), now);
				long id = (resolved != null) ? resolved.id() : show;
				return new Stored(resolved, ArchiveImporter.this.episodes.store(id, imported(line), now));
			});
			if (stored.show() != null) {
				count(stored.show());
				this.showsByFeed.put(line.feedUrl(), stored.show().id());
			}
			switch (stored.outcome()) {
				case NEW -> this.tally.episodesNew++;
				case KEPT -> this.tally.episodesKept++;
				case ENRICHED -> this.tally.episodesEnriched++;
			}
		}

		private record Stored(ShowRows.Resolved show, ImportedEpisodes.Outcome outcome) {
		}

		private static ImportedEpisode imported(ArchiveExporter.Line l) {
			var audio = (l.audio() != null) ? l.audio() : new ArchiveExporter.Audio(null, null, null);
			return new ImportedEpisode(l.guid(), l.slug(), l.title(), l.publishedAt(), l.durationSeconds(), audio.url(),
					audio.type(), audio.length(), l.link(), l.imageUrl(), l.episodeType(), l.season(), l.episode(),
					l.rawDescription(), l.showNotesHtml(), l.summary(), l.contentHash(), l.firstSeenAt(),
					l.lastSeenAt(), l.updatedAt(), l.transcriptSource(), l.transcriptUrl(), l.transcriptType(),
					l.chaptersSource(), l.chaptersUrl(), l.parseWarnings(), l.chapters(), l.segments(), l.persons(),
					l.alternateEnclosures());
		}

	}

	private static boolean isBlank(byte[] bytes) {
		for (byte b : bytes) {
			if (b != ' ' && b != '\t' && b != '\r') {
				return false;
			}
		}
		return true;
	}

	/** The innermost cause's message: what went wrong, without the stack. */
	private static String reason(Throwable ex) {
		var root = NestedExceptionUtils.getMostSpecificCause(ex);
		var message = root.getMessage();
		return (message != null && !message.isBlank()) ? message : root.getClass().getSimpleName();
	}

}
