package ai.interconnects.archive.api;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Semaphore;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /export.jsonl.gz}: the whole archive as gzipped JSON Lines
 * ({@link ArchiveExporter}), streamed as it is read. Written on the request thread (not
 * asynchronously), so no async timeout cuts a long export short; at most
 * {@code archive.api.concurrent-exports} run at once, since each holds a database
 * connection for its duration.
 */
@Controller
class ArchiveExportController {

	static final String PATH = "/export.jsonl.gz";

	private final ArchiveExporter exporter;

	private final Semaphore running;

	ArchiveExportController(ArchiveExporter exporter, ApiProperties properties) {
		this.exporter = exporter;
		this.running = new Semaphore(properties.concurrentExports());
	}

	@GetMapping(PATH)
	void export(HttpServletResponse response) throws IOException {
		if (!this.running.tryAcquire()) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Too many exports are running");
		}
		try {
			response.setContentType("application/gzip");
			response.setHeader("Content-Disposition",
					"attachment; filename=\"interconnects-archive-" + LocalDate.now(ZoneOffset.UTC) + ".jsonl.gz\"");
			response.setHeader("Cache-Control", "no-store");
			try (var gzip = new GZIPOutputStream(response.getOutputStream(), 64 * 1024)) {
				this.exporter.export(gzip);
			}
		}
		finally {
			this.running.release();
		}
	}

}
