package ai.interconnects.archive.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;

/**
 * A database slice: the migrated schema on the shared test PostgreSQL, with the entities,
 * repositories, {@code JdbcClient} and transactions, and nothing of the web, the poller
 * or the search services. For tests of what lives in the database itself (migrations,
 * triggers, constraints, repository queries). As {@link DataJpaTest} each test runs in a
 * transaction rolled back at its end; a test of something that happens at commit opts out
 * with {@code @Transactional(propagation = NOT_SUPPORTED)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@DataJpaTest(showSql = false)
// The shared server is the test database: never swap in an in-memory one.
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(TestDatabaseConfiguration.class)
public @interface DatabaseTest {

}
