package ai.interconnects.archive.support;

import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The shared {@link TestDatabase} as Boot's connection details, for full contexts and
 * slices alike: where Docker answers, the Testcontainers server through
 * {@link ServiceConnection @ServiceConnection}; otherwise the embedded server, as a
 * {@link JdbcConnectionDetails} bean of the same kind. Either way no
 * {@code spring.datasource.url} is set, Boot builds the pool, and the application's own
 * embedded database stays off because connection details exist.
 * <p>
 * The container is started once per test JVM by {@link TestDatabase}, which stops it when
 * the JVM exits; a context that closes earlier (a failed or evicted one) leaves it
 * running for the others.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	@Bean
	@ServiceConnection
	@Conditional(InContainer.class)
	PostgreSQLContainer postgres() {
		return TestDatabase.container();
	}

	@Bean
	@Conditional(Embedded.class)
	JdbcConnectionDetails embeddedPostgres() {
		var database = TestDatabase.get();
		return new JdbcConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return database.url();
			}

			@Override
			public String getUsername() {
				return database.username();
			}

			@Override
			public String getPassword() {
				return database.password();
			}

		};
	}

	static class InContainer implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return TestDatabase.inContainer();
		}

	}

	static class Embedded implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !TestDatabase.inContainer();
		}

	}

}
