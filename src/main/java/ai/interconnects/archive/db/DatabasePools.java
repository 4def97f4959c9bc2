package ai.interconnects.archive.db;

import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Two pools where there was one: the application's pool
 * ({@code spring.datasource.hikari.*}, {@code maximum-pool-size} connections) serves web
 * requests only, and everything else (the poller, Flyway at start-up, scheduled
 * refreshes) gets a small pool of its own ({@code archive.db.background-pool-size}, same
 * server and settings). A hundred readers queueing for connections then answer 503
 * quickly, as they should, while the scheduled poll still runs; before, the poll failed
 * with "Unable to acquire JDBC Connection".
 * <p>
 * Which pool a connection comes from is decided when it is taken: a thread serving a
 * request (Spring's request context is bound to it) uses the request pool. JPA, JDBC
 * clients and the poll lock all see one {@link DataSource}, so transactions work as
 * before.
 */
@Component
class DatabasePools implements BeanPostProcessor {

	private final ObjectProvider<PoolProperties> properties;

	DatabasePools(ObjectProvider<PoolProperties> properties) {
		this.properties = properties;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource requests && !(bean instanceof Routing)) {
			return new Routing(requests, background(requests, this.properties.getObject().backgroundPoolSize()));
		}
		return bean;
	}

	private static HikariDataSource background(HikariDataSource requests, int size) {
		var background = new HikariDataSource();
		requests.copyStateTo(background);
		var name = (requests.getPoolName() != null) ? requests.getPoolName() : "archive";
		background.setPoolName(name + "-background");
		background.setMaximumPoolSize(size);
		background.setMinimumIdle(Math.min(1, size));
		return background;
	}

	/** Routes each connection request to the pool of the thread asking. */
	static final class Routing extends AbstractRoutingDataSource implements AutoCloseable {

		private final HikariDataSource requests;

		private final HikariDataSource background;

		Routing(HikariDataSource requests, HikariDataSource background) {
			this.requests = requests;
			this.background = background;
			setTargetDataSources(Map.of(Pool.REQUESTS, requests, Pool.BACKGROUND, background));
			setDefaultTargetDataSource(background);
			afterPropertiesSet();
		}

		@Override
		protected Object determineCurrentLookupKey() {
			return (RequestContextHolder.getRequestAttributes() != null) ? Pool.REQUESTS : Pool.BACKGROUND;
		}

		HikariDataSource requests() {
			return this.requests;
		}

		HikariDataSource background() {
			return this.background;
		}

		@Override
		public void close() {
			this.requests.close();
			this.background.close();
		}

	}

	private enum Pool {

		REQUESTS, BACKGROUND

	}

}
