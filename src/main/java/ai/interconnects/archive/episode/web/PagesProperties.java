package ai.interconnects.archive.episode.web;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The reading pages ({@code archive.pages.*}).
 *
 * @param pageSize episodes per archive page
 */
@ConfigurationProperties("archive.pages")
@Validated
record PagesProperties(@DefaultValue("20") @Min(1) int pageSize) {
}
