package ai.interconnects.archive.db;

import java.io.IOException;
import java.nio.file.Files;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL server in {@code archive.embedded-db.data-dir} when no
 * datasource URL is configured, so that {@code ./mvnw spring-boot:run} works on a fresh
 * machine. With {@code SPRING_DATASOURCE_URL} set this configuration is skipped entirely
 * and Boot's own datasource is used.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDbProperties properties) throws IOException {
		var dataDir = properties.dataDir().toAbsolutePath().normalize();
		Files.createDirectories(dataDir);
		StalePostmaster.stopIfRunning(dataDir, properties.startTimeout());
		log.info("Starting embedded PostgreSQL with its data in {} (set SPRING_DATASOURCE_URL to use another server)",
				dataDir);
		var postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setPGStartupWait(properties.startTimeout())
			// The library's defaults (-F, synchronous_commit=off) suit throwaway test
			// databases; this one is the archive, so it keeps PostgreSQL's durability.
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.start();
		log.info("Embedded PostgreSQL is listening on port {}", postgres.getPort());
		return postgres;
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		var config = new HikariConfig();
		config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		config.setUsername("postgres");
		config.setPoolName("archive-embedded");
		config.setMaximumPoolSize(10);
		return new HikariDataSource(config);
	}

}
