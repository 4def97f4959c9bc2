package ai.interconnects.archive.db;

import javax.sql.DataSource;

import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boot's connection details (a Testcontainers {@code @ServiceConnection}, the tests'
 * shared server) take the place of {@code spring.datasource.url}: with them the
 * application starts no PostgreSQL of its own and Boot's pool connects to them.
 */
@ArchiveTest
class ConnectionDetailsTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Test
	void withConnectionDetailsTheApplicationStartsNoDatabaseOfItsOwn() {
		assertThat(this.context.getBeanNamesForType(EmbeddedPostgresServer.class)).isEmpty();
		assertThat(this.context.getEnvironment().getProperty("spring.datasource.url")).isNull();
		// Boot's pool, for web requests, beside its twin for background work
		// (DatabasePools)
		assertThat(this.dataSource).isInstanceOfSatisfying(DatabasePools.Routing.class, (pools) -> {
			assertThat(pools.requests().getJdbcUrl()).isEqualTo(TestDatabase.get().url());
			assertThat(pools.background().getJdbcUrl()).isEqualTo(TestDatabase.get().url());
		});
	}

}
