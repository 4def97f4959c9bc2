package ai.interconnects.archive.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ai.interconnects.archive.PodcastArchiveApplication;

/**
 * The application in a JVM of its own, on the test's classpath: for what only a separate
 * process can show (a small heap under load, a {@code kill -9}).
 */
public final class ChildApp {

	private ChildApp() {
	}

	/**
	 * Starts it with {@code jvmOptions} and the application arguments {@code args}; its
	 * output goes to {@code log}, or, when that is null, is left to read from the
	 * process.
	 */
	public static Process start(List<String> jvmOptions, Path log, String... args) throws IOException {
		var command = new ArrayList<String>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command
			.addAll(List.of("-cp", System.getProperty("java.class.path"), PodcastArchiveApplication.class.getName()));
		command.addAll(List.of(args));
		var builder = new ProcessBuilder(command).redirectErrorStream(true);
		if (log != null) {
			Files.createDirectories(log.toAbsolutePath().getParent());
			builder.redirectOutput(log.toFile());
		}
		return builder.start();
	}

}
