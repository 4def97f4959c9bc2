package ai.interconnects.archive.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The operator's login. The admin area exists only when a password is configured
 * ({@code ARCHIVE_ADMIN_PASSWORD} or {@code archive.admin.password-file}); without one it
 * is disabled, never open.
 *
 * @param username the one admin account's name
 * @param password its password, in plain text (hashed in memory at start-up) or already
 * hashed as {@code {bcrypt}$2a$…}
 * @param passwordFile a file holding the password (or its hash) instead, so that it is
 * neither on the command line nor in the environment; used when {@code password} is unset
 * @param maxLoginFailures failed sign-ins from one address before each further attempt
 * from it has to wait
 * @param loginFailureWindow how long failures are remembered after the last one
 * @param loginDelay the wait after {@code maxLoginFailures} failures; it doubles with
 * each further failure
 * @param loginMaxDelay the longest such wait
 * @param usernameSlowdownAfter failures for one username, from any address within the
 * window, after which that username is slowed down
 * @param usernameSlowdown how long after each failure for a slowed-down username further
 * attempts for it wait (short: the real owner is never locked out for long)
 */
@ConfigurationProperties("archive.admin")
@Validated
record AdminProperties(@DefaultValue("admin") @NotBlank String username, String password, Path passwordFile,
		@DefaultValue("5") @Min(1) int maxLoginFailures,
		@DefaultValue("1h") @DurationMin(millis = 1) Duration loginFailureWindow,
		@DefaultValue("10s") @DurationMin(millis = 1) Duration loginDelay,
		@DefaultValue("15m") @DurationMin(millis = 1) Duration loginMaxDelay,
		@DefaultValue("20") @Min(1) int usernameSlowdownAfter, @DefaultValue("2s") Duration usernameSlowdown) {

	static final String PASSWORD_PROPERTY = "archive.admin.password";

	static final String PASSWORD_FILE_PROPERTY = "archive.admin.password-file";

	boolean enabled() {
		return (this.password != null && !this.password.isBlank()) || this.passwordFile != null;
	}

	/** The configured password, read from the file when it is given there. */
	String resolvedPassword() {
		if (this.password != null && !this.password.isBlank()) {
			return this.password;
		}
		if (this.passwordFile == null) {
			return null;
		}
		try {
			var value = Files.readString(this.passwordFile, StandardCharsets.UTF_8).strip();
			if (value.isEmpty()) {
				throw new IllegalStateException(PASSWORD_FILE_PROPERTY + " " + this.passwordFile + " is empty");
			}
			return value;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Could not read the admin password from " + PASSWORD_FILE_PROPERTY + " " + this.passwordFile, ex);
		}
	}

}
