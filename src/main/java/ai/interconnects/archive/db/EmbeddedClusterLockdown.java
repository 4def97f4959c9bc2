package ai.interconnects.archive.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Makes a running embedded cluster what {@link EmbeddedPostgresServer} promises, whatever
 * state it was left in: passwords set, the application's role and its ownership of the
 * schema, and password-only authentication. Every statement is idempotent, so it runs at
 * every start; a data directory from an earlier version (trust authentication, everything
 * owned by {@code postgres}) is converted by the same statements.
 */
final class EmbeddedClusterLockdown {

	private EmbeddedClusterLockdown() {
	}

	static void apply(String jdbcUrl, Path dataDir, EmbeddedDbCredentials credentials) throws IOException {
		try (var connection = connect(jdbcUrl, EmbeddedDbCredentials.SUPERUSER, credentials.superuserPassword());
				var statement = connection.createStatement()) {
			var app = EmbeddedDbCredentials.APP_ROLE;
			// The passwords are generated from [A-Za-z0-9_-] and checked when read, so
			// they are safe in a literal (ALTER ROLE takes no parameters).
			statement.execute("alter role " + EmbeddedDbCredentials.SUPERUSER + " with password '"
					+ credentials.superuserPassword() + "'");
			statement.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + app
					+ "') then create role " + app + " login; end if; end $$");
			statement.execute("alter role " + app
					+ " with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '"
					+ credentials.appPassword() + "'");
			// CREATE on the database lets it create trusted extensions (pg_trgm).
			statement.execute("grant connect, create, temporary on database postgres to " + app);
			statement.execute("alter schema public owner to " + app);
			// Data directories from before this version: everything belongs to postgres.
			statement.execute(TRANSFER_OWNERSHIP.replace("APP", app));
			Files.writeString(dataDir.resolve("pg_hba.conf"), PG_HBA);
			keepMaxConnections(statement);
			try (var rs = statement.executeQuery("select pg_reload_conf()")) {
				rs.next();
			}
			try (var rs = statement
				.executeQuery("select count(*) from pg_hba_file_rules where error is not null or auth_method <> "
						+ "'scram-sha-256'")) {
				rs.next();
				if (rs.getLong(1) != 0) {
					throw new IOException("The embedded PostgreSQL did not accept the new pg_hba.conf in " + dataDir);
				}
			}
		}
		catch (SQLException ex) {
			throw new IOException("Could not set up the embedded PostgreSQL's roles and authentication in " + dataDir
					+ " (" + ex.getMessage() + "). If " + EmbeddedDbCredentials.FILE_NAME
					+ " was deleted from it, restore it from a backup of the directory", ex);
		}
	}

	/**
	 * The server runs with the library's {@code max_connections} (given on its command
	 * line), while {@code postgresql.conf} holds initdb's; a reload would then report the
	 * file as containing errors ("cannot be changed without restarting the server").
	 * Recording the running value in {@code postgresql.auto.conf} makes the files agree
	 * with the server.
	 */
	private static void keepMaxConnections(java.sql.Statement statement) throws SQLException {
		String running;
		try (var rs = statement.executeQuery("select current_setting('max_connections')")) {
			rs.next();
			running = rs.getString(1);
		}
		if (running.matches("\\d{1,6}")) {
			statement.execute("alter system set max_connections = " + running);
		}
	}

	private static Connection connect(String jdbcUrl, String user, String password) throws SQLException {
		var props = new Properties();
		props.setProperty("user", user);
		props.setProperty("password", password);
		props.setProperty("connectTimeout", "10");
		return DriverManager.getConnection(jdbcUrl, props);
	}

	/** Only SCRAM passwords, only over TCP on loopback (there is no Unix socket). */
	private static final String PG_HBA = """
			# Written by the archive at every start of its embedded PostgreSQL (db/EmbeddedPostgresServer):
			# every connection needs a password, checked with SCRAM-SHA-256. Edits here are overwritten.
			# TYPE  DATABASE  USER  ADDRESS       METHOD
			host    all       all   127.0.0.1/32  scram-sha-256
			host    all       all   ::1/128       scram-sha-256
			""";

	/**
	 * Gives the application's role everything in {@code public} that another role owns
	 * (tables first: their sequences and indexes follow them), except extension objects.
	 */
	private static final String TRANSFER_OWNERSHIP = """
			do $$
			declare r record;
			begin
			  for r in select c.oid::regclass as name, c.relkind from pg_class c
			           where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
			             and c.relowner <> 'APP'::regrole
			             and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass
			                             and d.objid = c.oid and d.deptype = 'e') loop
			    execute format('alter %s %s owner to APP',
			      case r.relkind when 'v' then 'view' when 'm' then 'materialized view'
			                     when 'f' then 'foreign table' else 'table' end, r.name);
			  end loop;
			  for r in select c.oid::regclass as name from pg_class c
			           where c.relnamespace = 'public'::regnamespace and c.relkind = 'S'
			             and c.relowner <> 'APP'::regrole
			             and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass
			                             and d.objid = c.oid and d.deptype in ('e', 'a', 'i')) loop
			    execute format('alter sequence %s owner to APP', r.name);
			  end loop;
			  for r in select p.oid::regprocedure as name from pg_proc p
			           where p.pronamespace = 'public'::regnamespace and p.proowner <> 'APP'::regrole
			             and not exists (select from pg_depend d where d.classid = 'pg_proc'::regclass
			                             and d.objid = p.oid and d.deptype = 'e') loop
			    execute format('alter routine %s owner to APP', r.name);
			  end loop;
			  for r in select t.oid::regtype as name from pg_type t
			           where t.typnamespace = 'public'::regnamespace and t.typtype in ('e', 'r')
			             and t.typowner <> 'APP'::regrole
			             and not exists (select from pg_depend d where d.classid = 'pg_type'::regclass
			                             and d.objid = t.oid and d.deptype in ('e', 'i')) loop
			    execute format('alter type %s owner to APP', r.name);
			  end loop;
			end $$""";

}
