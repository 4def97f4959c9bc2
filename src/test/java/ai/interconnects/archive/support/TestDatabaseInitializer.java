package ai.interconnects.archive.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every test context at the shared {@link TestDatabase}, before the context is
 * refreshed, so the application's own embedded-database configuration stays off.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		var db = TestDatabase.get();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testDatabase", Map.of("spring.datasource.url", db.url(),
					"spring.datasource.username", db.username(), "spring.datasource.password", db.password())));
	}

}
