package ai.interconnects.archive.web;

import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The site ({@code archive.site.*}).
 *
 * @param name the site's name in its header, titles and previews; unset, one show's
 * archive is "<i>Show</i> archive" (as it always was) and a library of several is
 * {@value Site#LIBRARY_NAME}
 */
@ConfigurationProperties("archive.site")
@Validated
public record SiteProperties(@Size(max = 100) String name) {
}
