package ai.interconnects.archive.web;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What changes whenever anything a reading page shows changes: the number of episodes and
 * the last time one was stored, updated or re-parsed ({@code episode.updated_at}). One
 * cheap statement, read on every page request, so every instance sees a change at once.
 */
@Component
class ArchiveStamp {

	private final JdbcClient jdbc;

	ArchiveStamp(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Stamp current() {
		return this.jdbc.sql("select count(*), max(updated_at) from episode")
			.query((rs, row) -> new Stamp(rs.getLong(1), instant(rs.getObject(2, OffsetDateTime.class))))
			.single();
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	/** {@code lastChange} is null for an empty archive. */
	record Stamp(long episodes, Instant lastChange) {

		boolean empty() {
			return this.episodes == 0;
		}

	}

}
