package ai.interconnects.archive.syndication;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The archive feed and the sitemap.
 *
 * @param feedPageSize episodes per {@code /feed.xml} document (RFC 5005 pages and
 * archives)
 * @param sitemapMaxUrls URLs per sitemap file; more make {@code /sitemap.xml} an index
 * (the sitemaps protocol allows 50,000)
 */
@Validated
@ConfigurationProperties("archive.syndication")
record SyndicationProperties(@DefaultValue("100") @Min(1) @Max(1000) int feedPageSize,
		@DefaultValue("50000") @Min(1) @Max(50000) int sitemapMaxUrls) {
}
