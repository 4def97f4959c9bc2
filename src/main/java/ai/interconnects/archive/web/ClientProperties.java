package ai.interconnects.archive.web;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Who a client is and how much of the server one client may hold.
 *
 * @param trustedProxies addresses or CIDR ranges of the reverse proxies whose
 * {@code X-Forwarded-For} (and, with {@code server.forward-headers-strategy=native},
 * {@code X-Forwarded-Proto}) is believed; from anyone else these headers are ignored. The
 * one rule for the sign-in limit, the API limit, the per-client request cap and Tomcat
 * ({@link ClientAddresses})
 * @param maxConcurrentRequests requests one client address may have in progress at once;
 * more get 503 at once, so that one client cannot hold every request thread
 * @param maxFormSize the largest form body accepted (only the admin area takes forms)
 * @param formReadDeadline the longest a form body may take to arrive, in all
 * @param maxUploadSize the largest body accepted where a file is uploaded
 * ({@link FormEndpoints#uploads()}: an OPML list, a backup to restore)
 * @param uploadReadDeadline the longest an upload may take to arrive, in all
 */
@Validated
@ConfigurationProperties("archive.clients")
public record ClientProperties(@DefaultValue List<String> trustedProxies,
		@DefaultValue("20") @Min(1) @Max(10_000) int maxConcurrentRequests, @DefaultValue("16KB") DataSize maxFormSize,
		@DefaultValue("10s") @DurationMin(millis = 100) Duration formReadDeadline,
		@DefaultValue("32MB") DataSize maxUploadSize,
		@DefaultValue("2m") @DurationMin(millis = 100) Duration uploadReadDeadline) {
}
