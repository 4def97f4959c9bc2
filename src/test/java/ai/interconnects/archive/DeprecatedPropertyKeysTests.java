package ai.interconnects.archive;

import java.time.Duration;
import java.util.Map;

import ai.interconnects.archive.poll.PollProperties;
import ai.interconnects.archive.feed.client.FeedProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flat keys of the previous release still configure the app, with a warning, until
 * they are removed; the namespaced key wins when both are set.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeprecatedPropertyKeysTests {

	@Test
	void anOldFlatKeyIsReadAsItsReplacementWithAWarning(CapturedOutput output) {
		var environment = environment(Map.of("archive.feed-url", "file:/tmp/feed.xml", "archive.poll-interval", "7m",
				"archive.deadline", "9s"));

		var feed = Binder.get(environment).bindOrCreate("archive.feed", FeedProperties.class);
		var poll = Binder.get(environment).bindOrCreate("archive.poll", PollProperties.class);

		assertThat(feed.url()).hasToString("file:/tmp/feed.xml");
		assertThat(feed.deadline()).isEqualTo(Duration.ofSeconds(9));
		assertThat(poll.interval()).isEqualTo(Duration.ofMinutes(7));
		assertThat(poll.tick()).as("a key set neither way keeps its default").isEqualTo(Duration.ofSeconds(10));
		assertThat(output).contains("'archive.feed-url' is deprecated")
			.contains("use 'archive.feed.url' instead")
			.contains("'archive.poll-interval' is deprecated");
	}

	@Test
	void theNamespacedKeyWinsOverTheOldOne() {
		var environment = environment(Map.of("archive.poll-interval", "7m", "archive.poll.interval", "3m"));

		var poll = Binder.get(environment).bindOrCreate("archive.poll", PollProperties.class);

		assertThat(poll.interval()).isEqualTo(Duration.ofMinutes(3));
	}

	@Test
	void anOldKeyAddedAfterStartUpIsStillSeen() {
		// Test frameworks add property sources after the post-processors have run.
		var environment = environment(Map.of());
		environment.getPropertySources()
			.addFirst(new MapPropertySource("late", Map.of("archive.poll-enabled", "false")));

		var poll = Binder.get(environment).bindOrCreate("archive.poll", PollProperties.class);

		assertThat(poll.enabled()).isFalse();
	}

	@Test
	void everyReplacedKeyIsListedAsDeprecatedInTheMetadata() throws Exception {
		var metadata = new String(
				getClass().getResourceAsStream("/META-INF/additional-spring-configuration-metadata.json")
					.readAllBytes());
		DeprecatedPropertyKeys.REPLACED
			.forEach((replacement, old) -> assertThat(metadata).contains("\"name\": \"" + old + "\"")
				.contains("\"replacement\": \"" + replacement + "\""));
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		var environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		ConfigurationPropertySources.attach(environment);
		var logs = new DeferredLogs();
		new DeprecatedPropertyKeys(logs).postProcessEnvironment(environment, new SpringApplication());
		logs.switchOverAll();
		return environment;
	}

}
