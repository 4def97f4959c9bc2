package ai.interconnects.archive.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the embedded PostgreSQL's programs are unpacked and run from: a directory of the
 * application's own, mode 0700, never the library's default {@code <tmpdir>/embedded-pg}.
 * The library makes that shared directory writable by everyone and reuses whatever it
 * finds there, so another local user could plant a {@code pg_ctl} that would run with
 * this user's rights. Here nobody else can write, or even look.
 * <p>
 * At every start the directory is checked: it must be a real directory (not a link) owned
 * by this user. One that others could write to is not trusted: it is emptied and unpacked
 * again. The library sets its own working directory writable by all, which is why that is
 * one level further down ({@code unpacked/}), inside the private one; it is closed again
 * after each start. The tests' own embedded server uses it too.
 */
public final class PrivateBinaries {

	private static final Logger log = LoggerFactory.getLogger(PrivateBinaries.class);

	private static final String WORKING_DIR_PROPERTY = "ot.epg.working-dir";

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

	/**
	 * One resolver per directory: the library caches unpacked binaries per resolver for
	 * the life of the JVM, so a resolver of its own keeps it from handing back a copy it
	 * unpacked elsewhere (its shared default included).
	 */
	private static final Map<Path, PgBinaryResolver> RESOLVERS = new ConcurrentHashMap<>();

	private final Path home;

	private PrivateBinaries(Path home) {
		this.home = home;
	}

	/** Makes {@code home} (e.g. {@code ./data/postgres-bin}) private and checks it. */
	public static PrivateBinaries in(Path home) throws IOException {
		var directory = home.toAbsolutePath().normalize();
		Files.createDirectories(directory.getParent());
		try {
			Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		catch (FileAlreadyExistsException existing) {
			// checked below
		}
		catch (UnsupportedOperationException notPosix) {
			Files.createDirectories(directory);
		}
		check(directory);
		return new PrivateBinaries(directory);
	}

	/**
	 * A builder that unpacks and runs the programs here. The library also scans a
	 * "parent" directory for abandoned data directories (and runs {@code pg_ctl stop} on
	 * what it finds); it reads that from the {@value #WORKING_DIR_PROPERTY} system
	 * property when the builder is made, so the property names this directory for that
	 * moment too, instead of the shared temporary one.
	 */
	public EmbeddedPostgres.Builder builder() {
		EmbeddedPostgres.Builder builder;
		synchronized (PrivateBinaries.class) {
			var previous = System.getProperty(WORKING_DIR_PROPERTY);
			System.setProperty(WORKING_DIR_PROPERTY, unpackInto().toString());
			try {
				builder = EmbeddedPostgres.builder();
			}
			finally {
				if (previous != null) {
					System.setProperty(WORKING_DIR_PROPERTY, previous);
				}
				else {
					System.clearProperty(WORKING_DIR_PROPERTY);
				}
			}
		}
		return builder.setOverrideWorkingDirectory(unpackInto().toFile()).setPgBinaryResolver(resolver());
	}

	/** The library's working directory, inside the private one. */
	Path unpackInto() {
		return this.home.resolve("unpacked");
	}

	private PgBinaryResolver resolver() {
		return RESOLVERS.computeIfAbsent(this.home, Resolver::new);
	}

	/**
	 * The library's own binaries, under an identity of this directory's (a lambda that
	 * captured nothing would be one shared instance, and so one cache entry).
	 */
	private record Resolver(Path home) implements PgBinaryResolver {

		@Override
		public InputStream getPgBinary(String system, String machineHardware) throws IOException {
			return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
		}

	}

	/** Closes the library's working directory again (it makes it writable by all). */
	public void closeUp() {
		try {
			if (Files.isDirectory(unpackInto(), LinkOption.NOFOLLOW_LINKS)) {
				Files.setPosixFilePermissions(unpackInto(), OWNER_ONLY);
			}
		}
		catch (IOException | UnsupportedOperationException ex) {
			log.debug("Could not close up {}: {}", unpackInto(), ex.getMessage());
		}
	}

	private static void check(Path directory) throws IOException {
		if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
			throw new IOException(directory + " should be a directory for the embedded PostgreSQL's programs, "
					+ "but it is a link or a file; move it away");
		}
		if (!posix(directory)) {
			return;
		}
		int owner = (Integer) Files.getAttribute(directory, "unix:uid", LinkOption.NOFOLLOW_LINKS);
		int self = ownUid();
		if (owner != self) {
			throw new IOException(directory + " belongs to another user (uid " + owner + "), who could have put "
					+ "programs there for this application to run; remove it, or set archive.embedded-db.binaries-dir "
					+ "to a directory of this user's");
		}
		var permissions = Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS);
		if (!OWNER_ONLY.containsAll(permissions)) {
			log.warn("{} was open to other users ({}): its programs are not trusted and are unpacked again", directory,
					PosixFilePermissions.toString(permissions));
			empty(directory);
		}
		Files.setPosixFilePermissions(directory, OWNER_ONLY);
	}

	/** This process's uid, from a file it creates (no native call needed). */
	private static int ownUid() throws IOException {
		var file = Files.createTempFile("archive-uid-", ".tmp");
		try {
			return (Integer) Files.getAttribute(file, "unix:uid");
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private static boolean posix(Path directory) {
		return directory.getFileSystem().supportedFileAttributeViews().contains("unix");
	}

	private static void empty(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
				if (!path.equals(directory)) {
					Files.delete(path);
				}
			}
		}
	}

}
