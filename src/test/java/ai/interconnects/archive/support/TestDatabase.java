package ai.interconnects.archive.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.interconnects.archive.db.PrivateBinaries;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL server the whole test run shares: a Testcontainers
 * {@code postgres:17} where a Docker engine answers, otherwise the same embedded
 * PostgreSQL the application uses by default (started once per JVM in a temporary
 * directory). Set {@code ARCHIVE_TEST_DB=embedded} to skip the Docker probe.
 */
public final class TestDatabase {

	/** Where the embedded server's programs are unpacked, shared by the test JVMs. */
	public static final Path BINARIES = Path.of("target", "test-postgres-bin");

	private static Connection connection;

	private static PostgreSQLContainer container;

	private TestDatabase() {
	}

	/** JDBC URL, user and password of the shared test server. */
	public record Connection(String url, String username, String password, String kind) {
	}

	public static synchronized Connection get() {
		if (connection == null) {
			connection = start();
		}
		return connection;
	}

	/** Whether the shared server is a Testcontainers container (Docker answered). */
	public static boolean inContainer() {
		return "testcontainers".equals(get().kind());
	}

	/**
	 * The shared, started container; only when {@link #inContainer()}. Closing it (as
	 * Spring does with a context's container beans) leaves it running.
	 */
	static synchronized PostgreSQLContainer container() {
		if (!inContainer()) {
			throw new IllegalStateException("The test database is not a container: " + get().kind());
		}
		return container;
	}

	private static Connection start() {
		if (!"embedded".equalsIgnoreCase(System.getenv("ARCHIVE_TEST_DB")) && dockerAvailable()) {
			var shared = new SharedPostgres();
			shared.start();
			Runtime.getRuntime().addShutdownHook(new Thread(shared::stopAtExit));
			container = shared;
			return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
					"testcontainers");
		}
		try {
			var dir = Files.createTempDirectory("archive-test-pg");
			// the programs in a directory of this user's, never the shared temporary one
			var binaries = PrivateBinaries.in(BINARIES);
			var postgres = binaries.builder().setDataDirectory(dir).setCleanDataDirectory(true).start();
			binaries.closeUp();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ignored) {
					// the JVM is exiting
				}
			}));
			return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", "embedded");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded test PostgreSQL", ex);
		}
	}

	/**
	 * The one container of the test run. Every test context has it as a bean, and Spring
	 * stops a context's container beans when that context closes (a failed context, an
	 * evicted one): its {@code stop()} is therefore a no-op, and only the JVM's exit
	 * stops it, so that one closing context cannot take the database from the others.
	 */
	private static final class SharedPostgres extends PostgreSQLContainer {

		SharedPostgres() {
			super("postgres:17");
		}

		@Override
		public void stop() {
			// shared by the whole run: see stopAtExit
		}

		void stopAtExit() {
			super.stop();
		}

	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

}
