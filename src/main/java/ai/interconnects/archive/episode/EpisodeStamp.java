package ai.interconnects.archive.episode;

import java.sql.Timestamp;

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
 * without a transaction's round trip, and read once per request.
 */
@Component
class EpisodeStamp implements ArchiveStamp {

	private static final String STAMP = EpisodeStamp.class.getName() + ".stamp";

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
		var stamp = this.jdbc.sql("select count(*), max(updated_at) from episode").query((rs, row) -> {
			Timestamp last = rs.getTimestamp(2);
			return new Stamp(rs.getLong(1), (last != null) ? last.toInstant() : null);
		}).single();
		if (request != null) {
			request.setAttribute(STAMP, stamp, RequestAttributes.SCOPE_REQUEST);
		}
		return stamp;
	}

}
