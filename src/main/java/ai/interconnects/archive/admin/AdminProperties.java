package ai.interconnects.archive.admin;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The operator's login. The admin area exists only when a password is configured
 * ({@code ARCHIVE_ADMIN_PASSWORD}); without one it is disabled, never open.
 *
 * @param username the one admin account's name
 * @param password its password, in plain text (hashed in memory at start-up) or already
 * hashed as {@code {bcrypt}$2a$…}
 * @param maxLoginFailures failed sign-ins, per remote address and per username, after
 * which further attempts are refused
 * @param loginFailureWindow how long a failed sign-in counts against that limit
 */
@ConfigurationProperties("archive.admin")
@Validated
record AdminProperties(@DefaultValue("admin") @NotBlank String username, String password,
		@DefaultValue("5") @Min(1) int maxLoginFailures,
		@DefaultValue("5m") @DurationMin(millis = 1) Duration loginFailureWindow) {

	static final String PASSWORD_PROPERTY = "archive.admin.password";

	boolean enabled() {
		return this.password != null && !this.password.isBlank();
	}

}
