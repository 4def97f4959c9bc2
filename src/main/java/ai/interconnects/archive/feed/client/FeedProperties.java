package ai.interconnects.archive.feed.client;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the feed comes from and how it is polled and fetched.
 *
 * @param feedUrl the feed to archive: {@code https:}, {@code http:} or {@code file:}
 * @param pollInterval time between two successful polls
 * @param pollEnabled whether the scheduled poller runs at all
 * @param pollInitialDelay how soon after start-up the first poll is due
 * @param pollTick how often the scheduler checks whether a poll is due
 * @param connectTimeout TCP connect timeout
 * @param readTimeout longest silence while waiting for response headers or body bytes
 * @param deadline longest a whole fetch may take, however steadily bytes arrive
 * @param maxBodySize a larger body is aborted while streaming
 * @param maxRedirects redirects followed before giving up
 * @param userAgent sent with every request; names the archive and a contact URL
 * @param backoffInitial wait after a first failed poll; doubles with each further failure
 * @param backoffMax longest wait between failed polls (a {@code Retry-After} may ask for
 * more, up to a day)
 * @param unconditionalInterval how often validators are left out, so that a server with
 * wrong ETags or Last-Modified dates cannot hide updates for ever
 * @param redirectConfirmations consecutive polls that must see the same permanent
 * redirect before the new URL is stored
 */
@ConfigurationProperties("archive")
public record FeedProperties(@DefaultValue("https://api.substack.com/feed/podcast/48206.rss") URI feedUrl,
		@DefaultValue("30m") Duration pollInterval, @DefaultValue("true") boolean pollEnabled,
		@DefaultValue("5s") Duration pollInitialDelay, @DefaultValue("10s") Duration pollTick,
		@DefaultValue("10s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout,
		@DefaultValue("2m") Duration deadline, @DefaultValue("25MB") DataSize maxBodySize,
		@DefaultValue("5") int maxRedirects,
		@DefaultValue("InterconnectsArchive/0.1 (+https://github.com/interconnects-archive/podcast-archive)") String userAgent,
		@DefaultValue("1m") Duration backoffInitial, @DefaultValue("6h") Duration backoffMax,
		@DefaultValue("24h") Duration unconditionalInterval, @DefaultValue("2") int redirectConfirmations) {
}
