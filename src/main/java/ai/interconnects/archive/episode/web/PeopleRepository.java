package ai.interconnects.archive.episode.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The people an episode names, in the feed's order (table {@code episode_person}). */
@Repository
@Transactional(readOnly = true)
class PeopleRepository {

	private final JdbcClient jdbc;

	PeopleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	People of(String slug) {
		return People.of(this.jdbc.sql("""
				select p.name, p.role, p.href, p.img_url
				from episode_person p join episode e on e.id = p.episode_id
				where e.slug = ?
				order by p.position""").param(slug).query(People.Row.class).list());
	}

}
