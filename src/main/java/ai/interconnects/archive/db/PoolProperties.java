package ai.interconnects.archive.db;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The database connections of work that is not a web request (the poller, start-up,
 * scheduled refreshes): a small pool of their own ({@link DatabasePools}), so that a
 * crowd of readers never leaves the poll without a connection.
 *
 * @param backgroundPoolSize connections for that work
 */
@Validated
@ConfigurationProperties("archive.db")
record PoolProperties(@DefaultValue("6") @Min(1) @Max(50) int backgroundPoolSize) {
}
