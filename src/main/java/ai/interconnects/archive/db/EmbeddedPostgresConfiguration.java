package ai.interconnects.archive.db;

import java.io.IOException;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;

/**
 * Starts a real PostgreSQL server in {@code archive.embedded-db.data-dir} when no
 * datasource URL is configured, so that {@code ./mvnw spring-boot:run} works on a fresh
 * machine (see {@link EmbeddedPostgresServer} for how it is locked down and supervised).
 * With {@code SPRING_DATASOURCE_URL} set, or any other source of Boot's
 * {@link JdbcConnectionDetails} (a Testcontainers {@code @ServiceConnection}, the tests'
 * shared database), this configuration is skipped entirely and Boot's own datasource is
 * used. It is an auto-configuration, ordered before Boot's datasource, so that it sees
 * those connection details before deciding.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@ConditionalOnMissingBean(JdbcConnectionDetails.class)
class EmbeddedPostgresConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgres(EmbeddedDbProperties properties) throws IOException {
		return EmbeddedPostgresServer.start(properties);
	}

	/**
	 * The application's pool, as the schema's owning role (never the superuser). The
	 * {@code spring.datasource.hikari.*} settings apply to it as to Boot's own pool, the
	 * short {@code connection-timeout} included.
	 */
	@Bean(destroyMethod = "close")
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgresServer postgres) {
		var dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.jdbcUrl());
		dataSource.setUsername(postgres.appRole());
		dataSource.setPassword(postgres.appPassword());
		dataSource.setPoolName("archive-embedded");
		dataSource.setMaximumPoolSize(10);
		return dataSource;
	}

}
