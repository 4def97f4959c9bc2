package ai.interconnects.archive.admin;

import java.time.Duration;

import ai.interconnects.archive.LogText;
import ai.interconnects.archive.web.ClientAddresses;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * The sign-in limit ({@link LoginAttemptLimiter}) inside authentication itself: it wraps
 * the password check, so it applies to every request Spring Security's login filter
 * authenticates, whatever the spelling of its URL ({@code /admin/%6cogin} is decoded to
 * the login path before it gets here). An attempt that must wait is refused before the
 * password is looked at; a wrong password is counted, a right one forgets the address's
 * failures.
 */
final class ThrottledSignIn implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(ThrottledSignIn.class);

	private final AuthenticationProvider passwords;

	private final LoginAttemptLimiter limiter;

	ThrottledSignIn(AuthenticationProvider passwords, LoginAttemptLimiter limiter) {
		this.passwords = passwords;
		this.limiter = limiter;
	}

	/** The client a sign-in attempt comes from, as {@link ClientAddresses} sees it. */
	record Client(String address) {

		static Client of(HttpServletRequest request, ClientAddresses clients) {
			return new Client(clients.of(request));
		}

	}

	/** A sign-in refused before the password was checked: too many recent failures. */
	static final class TooManyFailures extends AuthenticationException {

		private final long seconds;

		TooManyFailures(long seconds) {
			super("Too many failed sign-in attempts; wait " + seconds + " s");
			this.seconds = seconds;
		}

		long seconds() {
			return this.seconds;
		}

	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var username = authentication.getName();
		var client = (authentication.getDetails() instanceof Client details) ? details.address() : "unknown";
		var wait = this.limiter.waitBefore(client, username);
		if (wait.compareTo(Duration.ZERO) > 0) {
			long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
			log.warn("Refused an admin sign-in attempt for '{}' from {}: too many recent failures, {} s to wait",
					LogText.of(username), LogText.of(client), seconds);
			throw new TooManyFailures(seconds);
		}
		Authentication result;
		try {
			result = this.passwords.authenticate(authentication);
		}
		catch (BadCredentialsException ex) {
			this.limiter.recordFailure(client, username);
			throw ex;
		}
		if (result == null) {
			// no password check answered: a failure, never a pass
			this.limiter.recordFailure(client, username);
			throw new BadCredentialsException("Bad credentials");
		}
		this.limiter.recordSuccess(client, username);
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
