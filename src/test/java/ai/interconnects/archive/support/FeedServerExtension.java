package ai.interconnects.archive.support;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * The loopback {@link FeedServer} of a {@link WithFeedServer} test class: one server for
 * the whole test run, emptied (no handlers, no recorded requests) before each class, with
 * {@code archive.feed.url} pointing at its {@code /feed.xml}. The URL is the same for
 * every class, so it does not keep contexts that differ in nothing else apart.
 * <p>
 * Test classes reach it through {@link #server()} or a {@code FeedServer} parameter.
 */
public class FeedServerExtension implements BeforeAllCallback, ParameterResolver {

	private static final class Shared {

		private static final FeedServer SERVER = FeedServer.start();

	}

	/** The server, started on first use and stopped with the JVM. */
	public static FeedServer server() {
		return Shared.SERVER;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		server().reset();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == FeedServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return server();
	}

	/**
	 * Points {@code archive.feed.url} of a {@link WithFeedServer} test's context at the
	 * server.
	 */
	static final class PropertyFactory implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			return TestContextAnnotationUtils.hasAnnotation(testClass, WithFeedServer.class) ? new FeedUrl() : null;
		}

	}

	private static final class FeedUrl implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("feedServer",
						Map.of("archive.feed.url", server().url("/feed.xml").toString())));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof FeedUrl;
		}

		@Override
		public int hashCode() {
			return FeedUrl.class.hashCode();
		}

	}

}
