package ai.interconnects.archive.search;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import ai.interconnects.archive.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An archive stored under the old analysis (the V2 'english' vectors and the V4
 * statistics built from them) and then migrated by V11 holds exactly what a fresh archive
 * holds for the same texts: the same vectors, term statistics, field lengths and
 * vocabulary, so every spelling finds the same moments. Two databases of their own on the
 * shared test server, dropped at the end.
 */
class SearchUpgradeTests {

	static final String ANALYSIS_VERSION = "11";

	@Test
	void anUpgradedArchiveFindsWhatAFreshOneFinds() {
		var suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		withDatabase("search_upgraded_" + suffix, (upgraded) -> withDatabase("search_fresh_" + suffix, (fresh) -> {
			// the last migration before the new analysis, whatever its number
			var previous = Arrays.stream(flyway(upgraded).load().info().all())
				.map(MigrationInfo::getVersion)
				.filter((v) -> v.isNewerThan(MigrationVersion.fromVersion("1")) && !v.isAtLeast(ANALYSIS_VERSION))
				.max(MigrationVersion::compareTo)
				.orElseThrow();
			var before = flyway(upgraded).target(previous).load();
			before.migrate();
			assertThat(before.info().current().getVersion().getVersion()).isNotEqualTo(ANALYSIS_VERSION);
			var old = JdbcClient.create(upgraded);
			store(old);
			// under the old analysis "GPT-5.4" was the word 'gpt' and the number '-5.4'
			assertThat(old
				.sql("select e.slug from transcript_segment s join episode e on e.id = s.episode_id "
						+ "where s.search_vector @@ websearch_to_tsquery('english', 'GPT 5.4')")
				.query(String.class)
				.list()).doesNotContain("gpt54-hyphen").contains("gpt54-space");
			flyway(upgraded).load().migrate();
			flyway(fresh).load().migrate();
			var now = JdbcClient.create(fresh);
			store(now);
			now.sql("refresh materialized view search_vocabulary").update();

			for (var sql : List.of(
					"select e.slug || ':' || s.search_vector::text from transcript_segment s join episode e on e.id = s.episode_id order by 1",
					"select slug || ':' || title_vector::text || notes_vector::text from episode order by 1",
					"select c.title || ':' || c.search_vector::text from chapter c order by 1",
					"select lexeme || ':' || episode_id || ':' || concat_ws(',', title_tf, chapter_tf, notes_tf, speech_tf, chapter_units, speech_units) from search_term order by 1",
					"select concat_ws(',', episode_id, title_length, chapter_length, notes_length, speech_length, chapter_units, speech_units) from search_document order by 1",
					"select word || ':' || ndoc from search_vocabulary order by 1")) {
				assertThat(old.sql(sql).query(String.class).list()).as(sql)
					.isNotEmpty()
					.isEqualTo(now.sql(sql).query(String.class).list());
			}
			for (var row : SearchSpellingTests.spellings().toList()) {
				var query = (String) row.get()[0];
				var tsquery = "archive_tsquery('" + query.replace("'", "''") + "')";
				assertThat(slugsMatching(old, tsquery)).as(query).isEqualTo(slugsMatching(now, tsquery)).isNotEmpty();
			}
		}));
	}

	/**
	 * The spelling table's moments, with a chapter title and notes for the other fields.
	 */
	private static void store(JdbcClient jdbc) {
		SearchSpellingTests.store(jdbc);
		jdbc.sql(
				"insert into chapter (episode_id, position, start_seconds, title) values (1, 0, 0, 'GPT\u20115.4 and T\u00fclu')")
			.update();
		jdbc.sql("update episode set show_notes_html = '<p>Open-weight <b>Qwen3.5</b> notes</p>' where id = 2")
			.update();
	}

	private static List<String> slugsMatching(JdbcClient jdbc, String tsquery) {
		return jdbc.sql("""
				select distinct e.slug from episode e
				left join transcript_segment s on s.episode_id = e.id
				left join chapter c on c.episode_id = e.id
				where s.search_vector @@ %1$s or c.search_vector @@ %1$s
				   or e.title_vector @@ %1$s or e.notes_vector @@ %1$s
				order by 1
				""".formatted(tsquery)).query(String.class).list();
	}

	private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(SimpleDriverDataSource dataSource) {
		return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
	}

	private static void withDatabase(String name, Consumer<SimpleDriverDataSource> use) {
		var server = TestDatabase.get();
		var admin = JdbcClient
			.create(new SimpleDriverDataSource(new Driver(), server.url(), server.username(), server.password()));
		admin.sql("create database " + name + " encoding 'UTF8' template template0").update();
		try {
			var url = server.url().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
			use.accept(new SimpleDriverDataSource(new Driver(), url, server.username(), server.password()));
		}
		finally {
			admin.sql("drop database " + name + " with (force)").update();
		}
	}

}
