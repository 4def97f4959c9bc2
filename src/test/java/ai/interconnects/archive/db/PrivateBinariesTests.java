package ai.interconnects.archive.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL runs only programs from a directory of this user's: a
 * {@code pg_ctl} planted by someone else in the library's shared working directory (here
 * a stand-in for {@code /tmp/embedded-pg}, inside this test's private temporary
 * directory) never runs, and a directory of its own that others could write to is not
 * trusted.
 */
class PrivateBinariesTests {

	private static final String SHARED = "ot.epg.working-dir";

	@TempDir
	Path dir;

	@Test
	void aServerPlantedInTheSharedWorkingDirectoryNeverRuns() throws Exception {
		var shared = this.dir.resolve("embedded-pg");
		var binaries = this.dir.resolve("postgres-bin");
		var previous = System.getProperty(SHARED);
		System.setProperty(SHARED, shared.toString());
		try {
			var unpacked = startAndStop(this.dir.resolve("data-1"), binaries);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(binaries))).isEqualTo("rwx------");

			// what another local user could leave where the library looks by default
			var marker = this.dir.resolve("planted-program-ran");
			plant(shared.resolve(unpacked.getFileName()), marker);

			startAndStop(this.dir.resolve("data-2"), binaries);
			assertThat(marker).doesNotExist();
		}
		finally {
			if (previous != null) {
				System.setProperty(SHARED, previous);
			}
			else {
				System.clearProperty(SHARED);
			}
		}
	}

	@Test
	void aBinariesDirectoryOthersCouldWriteToIsUnpackedAgain() throws Exception {
		var binaries = this.dir.resolve("postgres-bin");
		var unpacked = startAndStop(this.dir.resolve("data-1"), binaries);
		var marker = this.dir.resolve("planted-program-ran");
		Files.setPosixFilePermissions(binaries, PosixFilePermissions.fromString("rwxrwxrwx"));
		plant(unpacked, marker);

		startAndStop(this.dir.resolve("data-2"), binaries);

		assertThat(marker).doesNotExist();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(binaries))).isEqualTo("rwx------");
	}

	/**
	 * Starts the embedded server on {@code data} and checks that its postmaster runs from
	 * {@code binaries}; returns the directory its programs were unpacked to.
	 */
	private static Path startAndStop(Path data, Path binaries) throws IOException {
		var properties = new EmbeddedDbProperties(data, Duration.ofSeconds(120), Duration.ofMinutes(5), binaries);
		try (var server = EmbeddedPostgresServer.start(properties)) {
			var command = server.postmaster().orElseThrow().info().command().orElseThrow();
			assertThat(Path.of(command)).startsWith(binaries.toRealPath());
		}
		try (Stream<Path> unpacked = Files.list(binaries.resolve("unpacked"))) {
			return unpacked.filter((path) -> path.getFileName().toString().startsWith("PG-")).findFirst().orElseThrow();
		}
	}

	/**
	 * Programs that leave {@code marker} and fail, in place of the server's, marked as
	 * completely unpacked the way the library checks it.
	 */
	private static void plant(Path pgDir, Path marker) throws IOException {
		Files.createDirectories(pgDir.resolve("bin"));
		for (var program : new String[] { "pg_ctl", "initdb", "postgres" }) {
			var file = pgDir.resolve("bin").resolve(program);
			Files.deleteIfExists(file);
			Files.writeString(file, "#!/bin/sh\ntouch '" + marker + "'\nexit 1\n");
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxrwxrwx"));
		}
		var exists = pgDir.resolve(".exists");
		Files.deleteIfExists(exists);
		Files.createFile(exists);
		exists.toFile().setLastModified(System.currentTimeMillis() + 60_000);
	}

}
