package ai.interconnects.archive.api;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Semaphore;
import java.util.zip.GZIPOutputStream;

import ai.interconnects.archive.web.WriteStalls;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /export.jsonl.gz}: the whole archive as gzipped JSON Lines
 * ({@link ArchiveExporter}). It is written to a private temporary file first, so the
 * database connection and snapshot are held only as long as the database takes, not as
 * long as the client takes to download, and then sent with its length. A slow client may
 * pause reading for up to {@link #READER_STALL} at a time (curl's rate limit reads in
 * bursts) and still gets the whole file; an export cut short is logged. At most
 * {@code archive.api.concurrent-exports} run at once. {@code HEAD} answers the headers
 * without exporting anything.
 */
@Controller
class ArchiveExportController {

	private static final Logger log = LoggerFactory.getLogger(ArchiveExportController.class);

	static final String PATH = "/export.jsonl.gz";

	static final Duration READER_STALL = Duration.ofMinutes(5);

	private final ArchiveExporter exporter;

	private final Semaphore running;

	ArchiveExportController(ArchiveExporter exporter, ApiProperties properties) {
		this.exporter = exporter;
		this.running = new Semaphore(properties.concurrentExports());
	}

	@RequestMapping(path = PATH, method = RequestMethod.HEAD)
	void head(HttpServletResponse response) {
		headers(response);
	}

	@GetMapping(PATH)
	void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!this.running.tryAcquire()) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Too many exports are running");
		}
		Path file = null;
		try {
			file = Files.createTempFile("archive-export-", ".jsonl.gz");
			long episodes;
			try (var gzip = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024),
					64 * 1024)) {
				episodes = this.exporter.export(gzip);
			}
			send(request, response, file, episodes);
		}
		finally {
			if (file != null) {
				Files.deleteIfExists(file);
			}
			this.running.release();
		}
	}

	private void send(HttpServletRequest request, HttpServletResponse response, Path file, long episodes)
			throws IOException {
		long size = Files.size(file);
		headers(response);
		response.setContentLengthLong(size);
		long sent = 0;
		long started = System.nanoTime();
		try (var allowance = WriteStalls.allow(request, READER_STALL); var in = Files.newInputStream(file)) {
			var out = response.getOutputStream();
			var buffer = new byte[64 * 1024];
			for (int n; (n = in.read(buffer)) > 0;) {
				out.write(buffer, 0, n);
				sent += n;
			}
			out.flush();
		}
		catch (IOException ex) {
			log.warn("An export to {} was cut short after {} of {} bytes ({} s): {}", request.getRemoteAddr(), sent,
					size, elapsedSeconds(started), rootMessage(ex));
			throw ex;
		}
		log.info("Exported {} episodes ({} bytes) to {} in {} s", episodes, size, request.getRemoteAddr(),
				elapsedSeconds(started));
	}

	private static void headers(HttpServletResponse response) {
		response.setContentType("application/gzip");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"interconnects-archive-" + LocalDate.now(ZoneOffset.UTC) + ".jsonl.gz\"");
		response.setHeader("Cache-Control", "no-store");
	}

	private static long elapsedSeconds(long started) {
		return Duration.ofNanos(System.nanoTime() - started).toSeconds();
	}

	private static String rootMessage(Throwable ex) {
		var root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ((root.getMessage() != null) ? ": " + root.getMessage() : "");
	}

}
