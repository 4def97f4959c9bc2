package ai.interconnects.archive.feed.client;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where the feed comes from and how it is fetched ({@code archive.feed.*}).
 *
 * @param url the feed to archive: {@code https:}, {@code http:} or {@code file:}
 * @param connectTimeout TCP connect timeout
 * @param readTimeout longest silence while waiting for response headers or body bytes
 * @param deadline longest a whole fetch may take, however steadily bytes arrive
 * @param maxBodySize a larger body is aborted while streaming
 * @param maxRedirects redirects followed before giving up
 * @param userAgent sent with every request; names the archive and a contact URL
 */
@ConfigurationProperties("archive.feed")
@Validated
public record FeedProperties(@DefaultValue(FeedProperties.INTERCONNECTS) @NotNull URI url,
		@DefaultValue("10s") @DurationMin(millis = 1) Duration connectTimeout,
		@DefaultValue("30s") @DurationMin(millis = 1) Duration readTimeout,
		@DefaultValue("2m") @DurationMin(millis = 1) Duration deadline,
		@DefaultValue("25MB") @NotNull DataSize maxBodySize, @DefaultValue("5") @Min(0) int maxRedirects,
		@DefaultValue("InterconnectsArchive/0.1 (+https://github.com/interconnects-archive/podcast-archive)") @NotBlank String userAgent) {

	/** The default feed: the Interconnects podcast on Substack. */
	public static final String INTERCONNECTS = "https://api.substack.com/feed/podcast/48206.rss";

	/** Whether the archive is of the default show (until the feed says otherwise). */
	public boolean archivesInterconnects() {
		return INTERCONNECTS.equals(this.url.toString());
	}

}
