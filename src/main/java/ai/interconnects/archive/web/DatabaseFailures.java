package ai.interconnects.archive.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.ServletRequest;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Tells a database that cannot be reached from a query that failed: no connection from
 * the pool in time, a refused or dropped connection, or PostgreSQL's SQLSTATE classes 08
 * (connection exception) and 57P (operator intervention: shutting down, starting up). The
 * first answers 503 "temporarily unavailable" at once; the second is an error.
 */
public final class DatabaseFailures {

	private static final String ATTRIBUTE = DatabaseFailures.class.getName() + ".unreachable";

	private DatabaseFailures() {
	}

	/**
	 * Notes on the request that the database could not be reached for it, so that the
	 * page fails at once ({@link #failIfNoted}) instead of waiting for a connection
	 * again. The failure is a {@link DataAccessException} from a query, or a
	 * {@link TransactionException} from a {@code @Transactional} door that could not
	 * begin.
	 */
	public static void note(ServletRequest request, RuntimeException failure) {
		request.setAttribute(ATTRIBUTE, failure);
	}

	/** Throws the failure {@link #note noted} on this request, if any. */
	public static void failIfNoted(ServletRequest request) {
		if (request.getAttribute(ATTRIBUTE) instanceof RuntimeException failure) {
			throw failure;
		}
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
