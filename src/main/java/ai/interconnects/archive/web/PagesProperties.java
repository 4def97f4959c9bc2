package ai.interconnects.archive.web;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The reading pages ({@code archive.pages.*}). Here rather than beside the pages because
 * what links to them (the sitemap) has to page the archive the same way.
 *
 * @param pageSize episodes per archive page
 */
@ConfigurationProperties("archive.pages")
@Validated
public record PagesProperties(@DefaultValue("20") @Min(1) int pageSize) {
}
