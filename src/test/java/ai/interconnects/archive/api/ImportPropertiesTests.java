package ai.interconnects.archive.api;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code archive.import.*} refuses a file it cannot read and a senseless line limit, by
 * name.
 */
class ImportPropertiesTests {

	@TempDir
	Path dir;

	@Test
	void aMissingFileOrADirectoryIsRefusedWithThePropertysName() {
		assertThat(violations(new ImportProperties(this.dir.resolve("missing.jsonl.gz"), DataSize.ofMegabytes(32))))
			.containsExactly("archive.import.file must name a readable file");
		assertThat(violations(new ImportProperties(this.dir, DataSize.ofMegabytes(32))))
			.containsExactly("archive.import.file must name a readable file");
	}

	@Test
	void aReadableFileOrNoneIsAccepted() throws Exception {
		var file = Files.writeString(this.dir.resolve("backup.jsonl"), "");
		assertThat(violations(new ImportProperties(file, DataSize.ofMegabytes(32)))).isEmpty();
		assertThat(violations(new ImportProperties(null, DataSize.ofMegabytes(32)))).isEmpty();
	}

	@Test
	void aLineLimitOutsideOneKilobyteToOneGigabyteIsRefused() {
		assertThat(violations(new ImportProperties(null, DataSize.ofBytes(100))))
			.containsExactly("archive.import.max-line-size must be between 1KB and 1GB");
		assertThat(violations(new ImportProperties(null, DataSize.ofGigabytes(4))))
			.containsExactly("archive.import.max-line-size must be between 1KB and 1GB");
	}

	private static java.util.List<String> violations(ImportProperties properties) {
		try (var factory = Validation.buildDefaultValidatorFactory()) {
			return factory.getValidator()
				.validate(properties)
				.stream()
				.map(ConstraintViolation::getMessage)
				.sorted()
				.toList();
		}
	}

}
