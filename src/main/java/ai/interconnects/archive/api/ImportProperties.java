package ai.interconnects.archive.api;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.validation.constraints.AssertTrue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Restoring a backup ({@link ArchiveImporter}).
 *
 * @param file an export ({@code .jsonl.gz} or plain {@code .jsonl}) to import once at
 * start-up; importing the same file again changes nothing
 * @param maxLineSize the longest line read; a longer one is reported and skipped
 */
@Validated
@ConfigurationProperties("archive.import")
record ImportProperties(Path file, @DefaultValue("32MB") DataSize maxLineSize) {

	@AssertTrue(message = "archive.import.file must name a readable file")
	boolean isFileReadable() {
		return this.file == null || (Files.isRegularFile(this.file) && Files.isReadable(this.file));
	}

	@AssertTrue(message = "archive.import.max-line-size must be between 1KB and 1GB")
	boolean isMaxLineSizeSensible() {
		return this.maxLineSize.toBytes() >= 1024 && this.maxLineSize.toGigabytes() <= 1;
	}

}
