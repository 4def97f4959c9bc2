package ai.interconnects.archive.api;

import java.io.IOException;
import java.nio.file.Files;

import ai.interconnects.archive.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * {@code archive.import.file}: restores that backup once, when the application has
 * started, and logs the report (each line not stored with its number and reason). Running
 * it again with the same file changes nothing: every show and episode is found.
 */
@Component
class ImportAtStartup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ImportAtStartup.class);

	private final ImportProperties properties;

	private final ArchiveImporter importer;

	ImportAtStartup(ImportProperties properties, ArchiveImporter importer) {
		this.properties = properties;
		this.importer = importer;
	}

	@Override
	public void run(ApplicationArguments args) {
		var file = this.properties.file();
		if (file == null) {
			return;
		}
		log.info("Importing {} (archive.import.file)", LogText.of(file.toString()));
		ImportReport report;
		try (var in = Files.newInputStream(file)) {
			report = this.importer.importFrom(in);
		}
		catch (IOException ex) {
			log.error("Could not read {}: {}", LogText.of(file.toString()), LogText.of(ex.getMessage()));
			return;
		}
		log.info("{}: {}", LogText.of(file.toString()), report.summary());
		for (var problem : report.problems()) {
			log.warn("{}: {}", LogText.of(file.toString()), LogText.of(problem.toString()));
		}
	}

}
