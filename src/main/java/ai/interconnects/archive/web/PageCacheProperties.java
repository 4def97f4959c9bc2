package ai.interconnects.archive.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The rendered-page cache of {@link PageCacheFilter}: {@code enabled=false} still answers
 * conditional requests with 304 but renders every other request.
 */
@Validated
@ConfigurationProperties("archive.pages.cache")
record PageCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("32MB") DataSize maxSize,
		@DefaultValue("60s") Duration timeToLive) {

}
