package ai.interconnects.archive.poll;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Fetching the transcript and chapter files episodes link (Podcasting 2.0). They are
 * fetched with the feed's client and limits; these settings keep it polite.
 *
 * @param maxFileFetchesPerPoll files fetched at most in one poll: a back catalogue of
 * hundreds of linked files is spread over several polls ({@code 0} turns fetching off)
 * @param fileFetchBudget time one poll may spend on files, after which the rest wait for
 * the next poll
 * @param fileRetryAfter wait before a failed file is tried again; doubles with each
 * failure in a row, up to a week
 */
@Validated
@ConfigurationProperties("archive.feed")
public record FileFetchProperties(@DefaultValue("50") @Min(0) int maxFileFetchesPerPoll,
		@DefaultValue("1m") @NotNull Duration fileFetchBudget, @DefaultValue("1h") @NotNull Duration fileRetryAfter) {
}
