package ai.interconnects.archive.poll;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lock that lets several instances share one database and still poll the feed once
 * per interval between them: a row in the {@code shedlock} table (migration V3).
 */
@Configuration(proxyBeanMethods = false)
class PollLockConfiguration {

	@Bean
	LockProvider pollLockProvider(DataSource dataSource) {
		// The database's clock, not each instance's: instances whose clocks disagree
		// must still agree on when a lock has expired.
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

}
