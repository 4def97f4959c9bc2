package ai.interconnects.archive.episode;

import java.sql.Timestamp;

import ai.interconnects.archive.show.Shows;
import ai.interconnects.archive.web.ArchiveStamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The archive's stamp as the episodes give it: read by every page request (the page
 * cache, the links of a library's pages), so it is one statement from an index (V16),
 * without a transaction's round trip, and read once per request. The same statement says
 * whether the archive is a library ({@link Shows#IS_LIBRARY}), which the URL filter asks
 * of every page before the cache can answer.
 */
@Component
class EpisodeStamp implements ArchiveStamp {

	private static final String STAMP = EpisodeStamp.class.getName() + ".stamp";

	private static final String LIBRARY = EpisodeStamp.class.getName() + ".library";

	private final JdbcClient jdbc;

	EpisodeStamp(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(propagation = Propagation.SUPPORTS)
	public Stamp current() {
		var request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(STAMP, RequestAttributes.SCOPE_REQUEST) instanceof Stamp known) {
			return known;
		}
		return read(request).stamp();
	}

	/** Whether the archive is a library, asked once per request with the stamp. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public boolean library() {
		var request = RequestContextHolder.getRequestAttributes();
		if (request != null
				&& request.getAttribute(LIBRARY, RequestAttributes.SCOPE_REQUEST) instanceof Boolean known) {
			return known;
		}
		return read(request).library();
	}

	private record Reading(Stamp stamp, boolean library) {
	}

	private Reading read(RequestAttributes request) {
		var reading = this.jdbc.sql("select count(*), max(updated_at), (" + Shows.IS_LIBRARY + ") from episode")
			.query((rs, row) -> {
				Timestamp last = rs.getTimestamp(2);
				return new Reading(new Stamp(rs.getLong(1), (last != null) ? last.toInstant() : null),
						rs.getBoolean(3));
			})
			.single();
		if (request != null) {
			request.setAttribute(STAMP, reading.stamp(), RequestAttributes.SCOPE_REQUEST);
			request.setAttribute(LIBRARY, reading.library(), RequestAttributes.SCOPE_REQUEST);
		}
		return reading;
	}

}
