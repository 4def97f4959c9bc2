package ai.interconnects.archive.admin;

import java.util.List;

import ai.interconnects.archive.LogText;
import ai.interconnects.archive.web.ClientAddresses;
import ai.interconnects.archive.web.FormEndpoints;
import ai.interconnects.archive.web.PublicPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may see what. The public pages are open to everyone; the admin area and every
 * actuator endpoint except {@code health} and {@code info} need the one admin account
 * from {@link AdminProperties}. Without an admin password there is no account at all: the
 * admin area answers "disabled" and the protected endpoints refuse everyone.
 * <p>
 * Spring Security's default {@code Cache-Control: no-store} is limited to the admin area
 * and the actuator: the public pages and static assets keep the cache headers the web
 * layer sets, and no header another filter sets (Content-Security-Policy included) is
 * touched.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	static final String ADMIN_ROLE = "ADMIN";

	static final String LOGIN_PATH = "/admin/login";

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt by default, and understands {bcrypt}/{argon2}… prefixed hashes.
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService adminAccount(AdminProperties admin, PasswordEncoder encoder) {
		if (!admin.enabled()) {
			log.warn("The admin area (/admin) is disabled: no admin password is configured. Set ARCHIVE_ADMIN_PASSWORD"
					+ " (and optionally ARCHIVE_ADMIN_USERNAME, default 'admin'), or archive.admin.password, to enable it.");
			// An account store without accounts also keeps Boot from creating its
			// default user with a generated password.
			return new InMemoryUserDetailsManager();
		}
		var password = admin.resolvedPassword();
		// Only a hash is kept in memory; an already hashed password is used as given.
		var hash = password.startsWith("{bcrypt}") ? password : encoder.encode(password);
		log.info("The admin area (/admin) is enabled for user '{}'", LogText.of(admin.username()));
		return new InMemoryUserDetailsManager(
				User.withUsername(admin.username()).password(hash).roles(ADMIN_ROLE).build());
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AdminProperties admin, LoginAttemptLimiter limiter,
			ClientAddresses clients, UserDetailsService accounts, PasswordEncoder encoder) throws Exception {
		var adminArea = new OrRequestMatcher(path("/admin"), path("/admin/**"));
		var actuator = EndpointRequest.toAnyEndpoint();
		http.authorizeHttpRequests((auth) -> {
			auth.requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll();
			if (admin.enabled()) {
				auth.requestMatchers(actuator).hasRole(ADMIN_ROLE);
				auth.requestMatchers(path(LOGIN_PATH)).permitAll();
				auth.requestMatchers(adminArea).hasRole(ADMIN_ROLE);
			}
			else {
				auth.requestMatchers(actuator).denyAll();
				// Only the "admin area disabled" page answers there.
				auth.requestMatchers(adminArea).permitAll();
			}
			auth.requestMatchers(HttpMethod.GET, PublicPaths.readable()).permitAll();
			auth.requestMatchers("/error").permitAll();
			// The archive has no other private data: pages the other features add (feeds,
			// sitemaps) stay public without being listed here. Anything private lives
			// under /admin or /actuator, which are matched above.
			auth.anyRequest().permitAll();
		});
		if (admin.enabled()) {
			// The only way to authenticate, without a parent manager to fall back to: the
			// limit cannot be sidestepped by any other provider or URL spelling.
			var passwords = new DaoAuthenticationProvider(accounts);
			passwords.setPasswordEncoder(encoder);
			http.authenticationManager(new ProviderManager(new ThrottledSignIn(passwords, limiter)));
			var onSuccess = new SavedRequestAwareAuthenticationSuccessHandler();
			onSuccess.setDefaultTargetUrl("/admin");
			http.formLogin((form) -> form.loginPage(LOGIN_PATH)
				.loginProcessingUrl(LOGIN_PATH)
				.authenticationDetailsSource((request) -> ThrottledSignIn.Client.of(request, clients))
				.successHandler(onSuccess)
				.failureHandler((request, response, exception) -> {
					var outcome = (exception instanceof ThrottledSignIn.TooManyFailures wait)
							? "?blocked=" + wait.seconds() : "?error";
					response.sendRedirect(request.getContextPath() + LOGIN_PATH + outcome);
				})
				.permitAll());
			http.logout((logout) -> logout.logoutUrl("/admin/logout").logoutSuccessUrl(LOGIN_PATH + "?logout"));
		}
		// Sessions: only a successful sign-in creates one. The login form's CSRF token
		// lives in a cookie, not a session, and no request is saved for after the login
		// (it lands on /admin), so anonymous readers and bots never create sessions.
		http.csrf((csrf) -> csrf.csrfTokenRepository(csrfCookies()));
		http.requestCache((cache) -> cache.requestCache(new NullRequestCache()));
		http.sessionManagement((sessions) -> sessions.maximumSessions(MAX_ADMIN_SESSIONS));
		// Scripts and monitoring get a plain 401 from the actuator, not a login page.
		http.exceptionHandling((exceptions) -> exceptions
			.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), actuator));
		http.headers((headers) -> headers.cacheControl((cache) -> cache.disable())
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new OrRequestMatcher(adminArea, actuator),
					new CacheControlHeadersWriter())));
		return http.build();
	}

	/**
	 * The admin area is the only place that takes a form (sign-in, sign-out and the
	 * operator's actions); a body sent anywhere else is refused unread.
	 */
	@Bean
	@Conditional(AdminEnabled.On.class)
	FormEndpoints adminForms() {
		return new FormEndpoints() {

			@Override
			public List<String> patterns() {
				return List.of("/admin", "/admin/**");
			}

			@Override
			public List<String> uploads() {
				return List.of("/admin/shows/opml", "/admin/import");
			}

		};
	}

	/** Signing in again beyond this ends the oldest session. */
	static final int MAX_ADMIN_SESSIONS = 5;

	/** Lets the session registry behind the session cap see sessions end. */
	@Bean
	HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	private static CookieCsrfTokenRepository csrfCookies() {
		var repository = new CookieCsrfTokenRepository();
		// Secure follows the request (HTTPS, or X-Forwarded-Proto behind a proxy with
		// server.forward-headers-strategy=native).
		repository.setCookieCustomizer((cookie) -> cookie.sameSite("Lax"));
		return repository;
	}

	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

}
