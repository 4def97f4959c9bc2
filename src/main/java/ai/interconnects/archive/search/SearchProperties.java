package ai.interconnects.archive.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Search settings.
 *
 * @param maxQueryLength longer queries are cut to this many characters (code points)
 * @param pageSize episodes per result page
 * @param momentsPerEpisode best moments shown under each episode
 * @param vocabularyCheck how often the suggestion vocabulary is refreshed when the
 * archive changed
 */
@ConfigurationProperties("archive.search")
record SearchProperties(@DefaultValue("200") int maxQueryLength, @DefaultValue("10") int pageSize,
		@DefaultValue("3") int momentsPerEpisode, @DefaultValue("1m") Duration vocabularyCheck) {
}
