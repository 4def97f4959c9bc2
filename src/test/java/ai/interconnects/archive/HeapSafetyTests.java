package ai.interconnects.archive;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain start is safe too: {@code bin/archive} runs the jar with
 * {@code -XX:+ExitOnOutOfMemoryError} and a bounded heap, and a JVM started without the
 * flag says so at start-up.
 */
class HeapSafetyTests {

	@TempDir
	Path dir;

	@Test
	void theLauncherExitsOnOutOfMemoryAndBoundsTheHeap() throws Exception {
		// a stand-in for java that prints the command line it was given
		var java = this.dir.resolve("java");
		Files.writeString(java, "#!/bin/sh\nfor arg in \"$@\"; do echo \"$arg\"; done\n");
		Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
		var jar = Files.createFile(this.dir.resolve("app.jar"));

		var launcher = new ProcessBuilder("sh", "bin/archive", "--server.port=8081").redirectErrorStream(true);
		launcher.environment().put("JAVA", java.toString());
		launcher.environment().put("ARCHIVE_JAR", jar.toString());
		launcher.environment().remove("JAVA_OPTS");
		launcher.environment().remove("ARCHIVE_HEAP");
		var process = launcher.start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		var args = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();

		assertThat(process.exitValue()).isZero();
		assertThat(args).containsExactly("-XX:+ExitOnOutOfMemoryError", "-Xmx512m", "-jar", jar.toString(),
				"--server.port=8081");
	}

	@Test
	void aJvmThatWouldLiveOnAfterOutOfMemoryIsNamedAtStartUp() {
		assertThat(HeapSafety.warning(false)).hasValueSatisfying(
				(warning) -> assertThat(warning).contains("bin/archive").contains("-XX:+ExitOnOutOfMemoryError"));
		assertThat(HeapSafety.warning(true)).isEmpty();
	}

}
