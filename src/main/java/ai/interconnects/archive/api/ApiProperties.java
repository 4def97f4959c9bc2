package ai.interconnects.archive.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The JSON API and the export.
 *
 * @param pageSize episodes per {@code /api/v1/episodes} page unless {@code size=} asks
 * for fewer or more (up to 100)
 * @param requestsPerMinute sustained requests per client address to the API and the
 * export
 * @param burst requests a client may make at once before the rate applies
 * @param maxClients addresses whose request counts are kept (bounded memory)
 * @param concurrentExports exports streamed at the same time (each holds a database
 * connection)
 */
@Validated
@ConfigurationProperties("archive.api")
record ApiProperties(@DefaultValue("20") @Min(1) @Max(100) int pageSize,
		@DefaultValue("120") @Min(1) int requestsPerMinute, @DefaultValue("60") @Min(1) int burst,
		@DefaultValue("10000") @Min(10) int maxClients, @DefaultValue("2") @Min(1) @Max(16) int concurrentExports) {
}
