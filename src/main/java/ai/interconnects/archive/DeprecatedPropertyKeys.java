package ai.interconnects.archive;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Keeps the flat {@code archive.*} keys of earlier releases working for one more release:
 * each old key is read as its namespaced replacement, with a warning the first time it is
 * used. A replacement set anywhere wins over the old key; the old key, wherever it is set
 * (command line, environment, test properties), wins over the replacement's default.
 * <p>
 * The keys are also listed as deprecated, with their replacements, in
 * {@code META-INF/additional-spring-configuration-metadata.json}, so IDEs flag them.
 */
class DeprecatedPropertyKeys implements EnvironmentPostProcessor {

	/** Replacement key → the old flat key it replaces. */
	static final Map<String, String> REPLACED = Map.ofEntries(Map.entry("archive.feed.url", "archive.feed-url"),
			Map.entry("archive.feed.connect-timeout", "archive.connect-timeout"),
			Map.entry("archive.feed.read-timeout", "archive.read-timeout"),
			Map.entry("archive.feed.deadline", "archive.deadline"),
			Map.entry("archive.feed.max-body-size", "archive.max-body-size"),
			Map.entry("archive.feed.max-redirects", "archive.max-redirects"),
			Map.entry("archive.feed.user-agent", "archive.user-agent"),
			Map.entry("archive.poll.enabled", "archive.poll-enabled"),
			Map.entry("archive.poll.interval", "archive.poll-interval"),
			Map.entry("archive.poll.initial-delay", "archive.poll-initial-delay"),
			Map.entry("archive.poll.tick", "archive.poll-tick"),
			Map.entry("archive.poll.backoff-initial", "archive.backoff-initial"),
			Map.entry("archive.poll.backoff-max", "archive.backoff-max"),
			Map.entry("archive.poll.unconditional-interval", "archive.unconditional-interval"),
			Map.entry("archive.poll.redirect-confirmations", "archive.redirect-confirmations"),
			Map.entry("archive.poll.lock-at-most-for", "archive.poll-lock-at-most-for"),
			Map.entry("archive.poll.health-threshold", "archive.poll-health-threshold"));

	static final String SOURCE_NAME = "archiveDeprecatedKeys";

	private final Log log;

	DeprecatedPropertyKeys(DeferredLogFactory logs) {
		this.log = logs.getLog(DeprecatedPropertyKeys.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getPropertySources().contains(SOURCE_NAME)) {
			// Last: it answers only for replacement keys that no other source sets.
			environment.getPropertySources().addLast(new OldKeys(environment, this.log));
		}
	}

	/**
	 * Answers a replacement key with the value of its old key, read from the whole
	 * environment when asked (so sources added later, such as a test's dynamic
	 * properties, count too).
	 */
	static final class OldKeys extends PropertySource<Map<String, String>> {

		private final Environment environment;

		private final Log log;

		private final Set<String> warned = ConcurrentHashMap.newKeySet();

		OldKeys(Environment environment, Log log) {
			// The source is the key map, not the environment: Boot reads a property
			// source
			// whose source is an environment as that environment's sources, and this one
			// is part of them.
			super(SOURCE_NAME, REPLACED);
			this.environment = environment;
			this.log = log;
		}

		@Override
		public Object getProperty(String name) {
			var old = getSource().get(name);
			if (old == null) {
				return null;
			}
			var value = this.environment.getProperty(old);
			if (value != null && this.warned.add(old)) {
				this.log.warn("The property '" + old + "' is deprecated and will be removed in the next release; use '"
						+ name + "' instead");
			}
			return value;
		}

	}

}
