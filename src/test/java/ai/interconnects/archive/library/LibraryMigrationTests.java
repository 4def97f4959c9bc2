package ai.interconnects.archive.library;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import ai.interconnects.archive.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V13 upgrades a one-show archive in place: a database migrated to V9 (the last schema
 * before the library) with a show, its episodes and everything hanging off them is
 * migrated to the library schema on a database of its own, and nothing is lost.
 */
class LibraryMigrationTests {

	/**
	 * A database migrated to V9 once, copied for each test (a copy is much faster than
	 * nine migrations).
	 */
	private static String template;

	private String database;

	private SingleConnectionDataSource dataSource;

	private JdbcClient jdbc;

	@BeforeAll
	static void templateAtV9() throws SQLException {
		var shared = TestDatabase.get();
		template = "library_v9_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection admin = DriverManager.getConnection(shared.url(), shared.username(), shared.password())) {
			admin.createStatement().execute("create database " + template);
		}
		var v9 = new SingleConnectionDataSource(withDatabase(shared.url(), template), shared.username(),
				shared.password(), true);
		try {
			Flyway.configure().dataSource(v9).locations("classpath:db/migration").target("9").load().migrate();
		}
		finally {
			v9.destroy();
		}
	}

	@AfterAll
	static void dropTemplate() throws SQLException {
		drop(template);
	}

	@BeforeEach
	void freshDatabase() throws SQLException {
		var shared = TestDatabase.get();
		this.database = "library_upgrade_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection admin = DriverManager.getConnection(shared.url(), shared.username(), shared.password())) {
			admin.createStatement().execute("create database " + this.database + " template " + template);
		}
		this.dataSource = new SingleConnectionDataSource(withDatabase(shared.url(), this.database), shared.username(),
				shared.password(), true);
		this.jdbc = JdbcClient.create(this.dataSource);
	}

	@AfterEach
	void dropDatabase() throws SQLException {
		this.dataSource.destroy();
		drop(this.database);
	}

	private static void drop(String name) throws SQLException {
		var shared = TestDatabase.get();
		try (Connection admin = DriverManager.getConnection(shared.url(), shared.username(), shared.password())) {
			admin.createStatement().execute("drop database if exists " + name);
		}
	}

	@Test
	void theOneShowOfAnExistingArchiveBecomesTheFirstShowWithEverythingItHad() {
		var show = insertShow("https://api.substack.com/feed/podcast/48206.rss", "Interconnects");
		var first = insertEpisode(show, "substack:post:1", "the-distillation-panic", "The distillation panic");
		var second = insertEpisode(show, "substack:post:2", "dean-ball-on-open-models", "Dean Ball on open models");
		this.jdbc.sql("insert into chapter (episode_id, position, start_seconds, title) values (?, 0, 0, 'Intro')")
			.param(first)
			.update();
		this.jdbc
			.sql("insert into transcript_segment (episode_id, position, start_seconds, speaker, text) "
					+ "values (?, 0, 0, 'Dean Ball', 'Open weights matter.')")
			.param(second)
			.update();
		this.jdbc
			.sql("insert into episode_person (episode_id, position, name, role, person_group) "
					+ "values (?, 0, 'Dean Ball', 'guest', 'cast')")
			.param(second)
			.update();
		this.jdbc
			.sql("insert into poll_run (podcast_id, feed_url, started_at, outcome) values (?, 'x', now(), 'SUCCESS')")
			.param(show)
			.update();
		var before = counts();

		migrate();

		assertThat(counts()).isEqualTo(before);
		assertThat(this.jdbc.sql("select slug, origin, paused_at is null and removed_at is null from podcast")
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
			.single()).containsExactly("interconnects", "CONFIG", true);
		assertThat(this.jdbc.sql("select podcast_id from episode").query(Long.class).list()).containsOnly(show);
	}

	@Test
	void afterTheUpgradeTwoShowsMayHaveEpisodesOfTheSameSlugButOneShowMayNot() {
		var interconnects = insertShow("https://api.substack.com/feed/podcast/48206.rss", "Interconnects");
		insertEpisode(interconnects, "g1", "the-distillation-panic", "The distillation panic");
		migrate();
		var policy = this.jdbc.sql(
				"insert into podcast (configured_url, feed_url, title, slug) values ('https://p/rss', 'https://p/rss', "
						+ "'Frontier Policy Hour', 'frontier-policy-hour') returning id")
			.query(Long.class)
			.single();

		insertEpisode(policy, "g2", "the-distillation-panic", "The distillation panic");

		assertThatThrownBy(() -> insertEpisode(policy, "g3", "the-distillation-panic", "The distillation panic"))
			.hasMessageContaining("episode_slug_unique");
		assertThat(this.jdbc.sql("select count(*) from episode where slug = 'the-distillation-panic'")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void showsGetSlugsFromTheirTitlesAndNeverTheSameOne() {
		insertShow("https://a/rss", "Café Tech: Ünterhaltungen & more!");
		insertShow("https://b/rss", "Interconnects");
		// an archive whose feed URL was changed once: two rows of one show
		insertShow("https://c/rss", "Interconnects");
		insertShow("https://d/rss", null);
		insertShow("https://e/rss", "שלום");

		migrate();

		var slugs = this.jdbc.sql("select slug from podcast order by id").query(String.class).list();
		var ids = this.jdbc.sql("select id from podcast order by id").query(Long.class).list();
		assertThat(slugs).containsExactly("cafe-tech-unterhaltungen-more", "interconnects",
				"interconnects-" + ids.get(2), "show-" + ids.get(3), "show-" + ids.get(4));
	}

	@Test
	void anEmptyArchiveUpgradesToo() {

		migrate();

		assertThat(this.jdbc.sql("select count(*) from podcast").query(Long.class).single()).isZero();
		assertThat(this.jdbc
			.sql("select count(*) from pg_indexes where indexname in "
					+ "('episode_slug_idx', 'episode_show_published_idx', 'poll_run_show_started_idx')")
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	private List<Long> counts() {
		return this.jdbc.sql("""
				select (select count(*) from podcast), (select count(*) from episode), (select count(*) from chapter),
					(select count(*) from transcript_segment), (select count(*) from episode_person),
					(select count(*) from poll_run)""")
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6)))
			.single();
	}

	private long insertShow(String url, String title) {
		return this.jdbc.sql("insert into podcast (configured_url, feed_url, title) values (?, ?, ?) returning id")
			.params(url, url, title)
			.query(Long.class)
			.single();
	}

	private long insertEpisode(long show, String guid, String slug, String title) {
		return this.jdbc
			.sql("insert into episode (podcast_id, guid, slug, title, content_hash, first_seen_at, last_seen_at, "
					+ "updated_at) values (?, ?, ?, ?, 'h', now(), now(), now()) returning id")
			.params(show, guid, slug, title)
			.query(Long.class)
			.single();
	}

	/** Migrates the V9 copy to the newest schema. */
	private void migrate() {
		Flyway.configure()
			.dataSource(this.dataSource)
			.locations("classpath:db/migration", "classpath:db/library")
			.load()
			.migrate();
	}

	private static String withDatabase(String url, String database) {
		return url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
	}

}
