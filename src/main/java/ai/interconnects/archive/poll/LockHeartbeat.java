package ai.interconnects.archive.poll;

import java.net.InetAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells a ShedLock lock held by a live instance from one left behind by an instance that
 * died (a {@code kill -9} leaves the row held until its {@code lock_until}).
 * <p>
 * While it holds a lock, an instance keeps a row in {@code lock_heartbeat} (migration V6)
 * with its name, what it is doing, and a heartbeat refreshed every
 * {@code archive.poll.lock-heartbeat}; it deletes the row when it lets go. A held lock
 * whose heartbeat (or, without one, whose lock time) is older than
 * {@code archive.poll.lock-stale-after} was left by a dead instance, and the operator may
 * break it. Database time throughout, as for the lock itself.
 */
@Component
public class LockHeartbeat implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LockHeartbeat.class);

	private static final String NOW = "timezone('utc', now())";

	private final JdbcClient jdbc;

	private final String instance;

	private final Duration every;

	private final double staleSeconds;

	private final TransactionTemplate tx;

	private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor((task) -> {
		var thread = new Thread(task, "lock-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	LockHeartbeat(JdbcClient jdbc, PollProperties properties, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.instance = instanceName();
		this.every = properties.lockHeartbeat();
		this.staleSeconds = properties.lockStaleAfter().toMillis() / 1000.0;
	}

	/**
	 * Starts the heartbeat of a lock this instance has just taken; closing the result
	 * stops it and deletes the row.
	 */
	Beat start(String lockName, String action) {
		this.jdbc.sql("""
				insert into lock_heartbeat (lock_name, holder, action, started_at, heartbeat_at)
				values (:name, :holder, :action, %1$s, %1$s)
				on conflict (lock_name) do update set holder = excluded.holder, action = excluded.action,
				    started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at""".formatted(NOW))
			.param("name", lockName)
			.param("holder", this.instance)
			.param("action", action)
			.update();
		long every = this.every.toMillis();
		var task = this.beats.scheduleWithFixedDelay(() -> beat(lockName), every, every, TimeUnit.MILLISECONDS);
		return () -> {
			task.cancel(false);
			try {
				this.jdbc.sql("delete from lock_heartbeat where lock_name = :name and holder = :holder")
					.param("name", lockName)
					.param("holder", this.instance)
					.update();
			}
			catch (RuntimeException ex) {
				// the row then looks stale after a minute, which is the truth
				log.warn("Could not remove the heartbeat of lock {}: {}", lockName, ex.getMessage());
			}
		};
	}

	private void beat(String lockName) {
		try {
			this.jdbc
				.sql("update lock_heartbeat set heartbeat_at = " + NOW
						+ " where lock_name = :name and holder = :holder")
				.param("name", lockName)
				.param("holder", this.instance)
				.update();
		}
		catch (RuntimeException ex) {
			log.warn("Could not refresh the heartbeat of lock {}: {}", lockName, ex.getMessage());
		}
	}

	/** The state of a lock that is held now; empty when it is free. */
	public Optional<HeldLock> held(String lockName) {
		return this.jdbc.sql("""
				select s.locked_by, s.locked_at, s.lock_until, h.holder, h.action, h.heartbeat_at,
				       %1$s as db_now,
				       coalesce(h.heartbeat_at, s.locked_at) < %1$s - make_interval(secs => :stale) as stale
				from shedlock s
				left join lock_heartbeat h on h.lock_name = s.name and h.started_at >= s.locked_at
				where s.name = :name and s.lock_until > %1$s""".formatted(NOW))
			.param("name", lockName)
			.param("stale", this.staleSeconds)
			.query((rs, n) -> new HeldLock(lockName,
					(rs.getString("holder") != null) ? rs.getString("holder") : rs.getString("locked_by"),
					rs.getString("action"), instant(rs, "locked_at"), instant(rs, "lock_until"),
					instant(rs, "heartbeat_at"), instant(rs, "db_now"), rs.getBoolean("stale")))
			.optional();
	}

	/**
	 * Releases a lock left by a dead instance: only when it is held and its heartbeat is
	 * stale, checked in the same statement, so a live holder never loses its lock.
	 * {@code whileHeld} runs in the same transaction, after the check and before anyone
	 * else can take the lock (the lock row stays locked until the commit): what the dead
	 * holder left unfinished can be cleaned up without racing the next holder.
	 * @return whether a stale lock was released
	 */
	public boolean breakStale(String lockName, Runnable whileHeld) {
		return Boolean.TRUE.equals(this.tx.execute((status) -> {
			int released = this.jdbc.sql("""
					update shedlock s set lock_until = %1$s
					where s.name = :name and s.lock_until > %1$s
					  and coalesce((select h.heartbeat_at from lock_heartbeat h
					                where h.lock_name = s.name and h.started_at >= s.locked_at), s.locked_at)
					      < %1$s - make_interval(secs => :stale)""".formatted(NOW))
				.param("name", lockName)
				.param("stale", this.staleSeconds)
				.update();
			if (released == 0) {
				return false;
			}
			whileHeld.run();
			this.jdbc.sql("delete from lock_heartbeat where lock_name = :name").param("name", lockName).update();
			return true;
		}));
	}

	/**
	 * An SQL condition, true while {@code lockName} is held by a live instance (the
	 * opposite of free or {@link HeldLock#stale() stale}); it takes the parameter
	 * {@code :liveLockStale}, see {@link #liveLockStaleSeconds()}. One statement reads
	 * the lock and what it guards in the same snapshot.
	 */
	static String heldByLiveInstance(String lockName) {
		return """
				exists (select 1 from shedlock s
				        left join lock_heartbeat h on h.lock_name = s.name and h.started_at >= s.locked_at
				        where s.name = '%2$s' and s.lock_until > %1$s
				          and coalesce(h.heartbeat_at, s.locked_at) >= %1$s - make_interval(secs => :liveLockStale))"""
			.formatted(NOW, lockName.replace("'", "''"));
	}

	/** The value of {@code :liveLockStale} in {@link #heldByLiveInstance(String)}. */
	double liveLockStaleSeconds() {
		return this.staleSeconds;
	}

	@Override
	public void destroy() {
		this.beats.shutdownNow();
	}

	private static String instanceName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			host = "unknown-host";
		}
		return host + " pid " + ProcessHandle.current().pid() + " (" + UUID.randomUUID().toString().substring(0, 8)
				+ ")";
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** One heartbeat's lifetime; closing it lets go. */
	interface Beat extends AutoCloseable {

		@Override
		void close();

	}

	/**
	 * A lock held now.
	 *
	 * @param holder the instance holding it (ShedLock's host name when it wrote no
	 * heartbeat)
	 * @param action what it is doing ({@code poll}, {@code re-parse}), null when unknown
	 * @param heartbeatAt its last heartbeat, null when it wrote none
	 * @param stale whether it was left by an instance that is gone
	 */
	public record HeldLock(String name, String holder, String action, Instant lockedAt, Instant lockUntil,
			Instant heartbeatAt, Instant databaseNow, boolean stale) {

		/** Seconds since the last sign of life (heartbeat, or the lock itself). */
		public long silentSeconds() {
			var last = (this.heartbeatAt != null) ? this.heartbeatAt : this.lockedAt;
			return Duration.between(last, this.databaseNow).toSeconds();
		}

	}

}
