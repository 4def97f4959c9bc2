package ai.interconnects.archive.search;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Search settings.
 *
 * @param maxQueryLength longer queries are cut to this many characters (code points); at
 * most 1000, so that a query's different words (each a column of the ranking's statement)
 * stay well within PostgreSQL's 1664 columns
 * @param pageSize episodes per result page
 * @param momentsPerEpisode best moments shown under each episode
 * @param vocabularyCheck how often the suggestion vocabulary is refreshed when the
 * archive changed
 */
@ConfigurationProperties("archive.search")
@Validated
record SearchProperties(@DefaultValue("200") @Min(1) @Max(1000) int maxQueryLength,
		@DefaultValue("10") @Min(1) int pageSize, @DefaultValue("3") @Min(0) int momentsPerEpisode,
		@DefaultValue("1m") @DurationMin(millis = 1) Duration vocabularyCheck) {
}
