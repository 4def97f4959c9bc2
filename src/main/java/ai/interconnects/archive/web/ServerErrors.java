package ai.interconnects.archive.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The log of unexpected server errors (the 500s nobody meant): at most one entry a
 * minute, with how many there were since the last and the latest one's request and stack
 * trace. A client repeating a request that fails cannot fill the disk (one trace per
 * request was 29 KB), and the operator still sees what failed and how often.
 */
@Component
public class ServerErrors {

	private static final Logger log = LoggerFactory.getLogger(ServerErrors.class);

	static final Duration EVERY = Duration.ofMinutes(1);

	private final Clock clock;

	private Instant lastLogged;

	private int unlogged;

	public ServerErrors(Optional<Clock> clock) {
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Counts {@code failure}, logging it if nothing was logged in the last minute. */
	public void record(HttpServletRequest request, Throwable failure) {
		var now = this.clock.instant();
		int count;
		synchronized (this) {
			this.unlogged++;
			if (this.lastLogged != null && now.isBefore(this.lastLogged.plus(EVERY))) {
				return;
			}
			count = this.unlogged;
			this.unlogged = 0;
			this.lastLogged = now;
		}
		// the URI as sent: still percent-encoded, so it cannot break the log line
		var what = (request != null)
				? request.getMethod() + " " + bounded(request.getRequestURI()) + " from " + request.getRemoteAddr()
				: "a request";
		log.error("{} unexpected server error(s) since the last report (at most one a minute); the latest, {}:", count,
				what, failure);
	}

	private static String bounded(String uri) {
		return (uri == null) ? "" : (uri.length() > 200) ? uri.substring(0, 200) + "…" : uri;
	}

}
