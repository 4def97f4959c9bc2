package ai.interconnects.archive.search.meaning;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Search by meaning (README "Search by meaning").
 *
 * @param enabled whether the embedding model is loaded at all; without it search is
 * keyword-only
 * @param model the sentence-embedding model
 * @param worker whether this instance embeds moments in the background (tests switch it
 * on only where they need vectors)
 * @param workerThreads cores the background worker may use
 * @param batchSize moments embedded and stored together
 * @param lease how long an instance owns an episode it is embedding before another may
 * take it over (it renews the lease after every batch)
 * @param idle how long the worker waits when nothing is left to embed
 * @param indexRefresh how often the in-memory vector index reads what was embedded since
 * @param queryCache how many recent queries' vectors are kept, so asking again (the next
 * page, a filter, the other order) does not embed again; 0 embeds every time
 * @param maxHeapShare the share of the JVM's heap the vectors may take: an archive whose
 * vectors need more is searched by words only and says why, instead of running out of
 * memory at every start-up
 */
@ConfigurationProperties("archive.meaning")
@Validated
record MeaningProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("BGE_SMALL_EN_V15_Q") @NotNull EmbeddingModel model, @DefaultValue("true") boolean worker,
		@DefaultValue("1") @Min(1) @Max(64) int workerThreads, @DefaultValue("32") @Min(1) @Max(1024) int batchSize,
		@DefaultValue("5m") @DurationMin(seconds = 10) Duration lease,
		@DefaultValue("10s") @DurationMin(millis = 10) Duration idle,
		@DefaultValue("5s") @DurationMin(millis = 10) Duration indexRefresh,
		@DefaultValue("1000") @Min(0) @Max(1_000_000) int queryCache,
		@DefaultValue("0.5") @DecimalMin("0.01") @DecimalMax("0.9") double maxHeapShare) {
}
