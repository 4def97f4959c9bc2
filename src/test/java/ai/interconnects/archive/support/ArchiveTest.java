package ai.interconnects.archive.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.context.annotation.Import;

/**
 * A full application context on the shared test PostgreSQL
 * ({@link TestDatabaseConfiguration}), with the scheduled poller off (tests poll
 * explicitly). Tests that need other settings add them with {@link #properties()};
 * contexts with the same settings are cached and shared.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@Import(TestDatabaseConfiguration.class)
public @interface ArchiveTest {

	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default { "archive.poll.enabled=false" };

	@AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
	SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;

}
