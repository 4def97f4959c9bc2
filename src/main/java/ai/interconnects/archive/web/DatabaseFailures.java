package ai.interconnects.archive.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached from a query that failed: no connection from
 * the pool in time, a refused or dropped connection, or PostgreSQL's SQLSTATE classes 08
 * (connection exception) and 57P (operator intervention: shutting down, starting up). The
 * first answers 503 "temporarily unavailable" at once; the second is an error.
 */
public final class DatabaseFailures {

	private DatabaseFailures() {
	}

	public static boolean unreachable(Throwable ex) {
		for (var cause = ex; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
		}
		return false;
	}

}
