package ai.interconnects.archive.db;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The PostgreSQL server the application starts itself when no
 * {@code spring.datasource.url} is configured.
 *
 * @param dataDir where the cluster lives; kept across restarts
 * @param startTimeout how long to wait for the server to accept connections
 * @param checkInterval how often the application checks that the server still runs, and
 * restarts it when it does not
 */
@ConfigurationProperties("archive.embedded-db")
@Validated
record EmbeddedDbProperties(@DefaultValue("./data/postgres") @NotNull Path dataDir,
		@DefaultValue("60s") @DurationMin(millis = 1) Duration startTimeout,
		@DefaultValue("5s") @DurationMin(millis = 1) Duration checkInterval) {
}
