package ai.interconnects.archive.episode;

import java.util.List;

import ai.interconnects.archive.feed.client.ItemExtras;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The people an episode's item names ({@code podcast:person}), written whole each time
 * the item is stored, inside the caller's transaction. Unlike a transcript, a shorter
 * list is not "poorer": the publisher removing a wrongly credited guest is a correction.
 */
@Component
class EpisodePersons {

	private final JdbcClient jdbc;

	EpisodePersons(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void replace(long episodeId, List<ItemExtras.Person> persons) {
		this.jdbc.sql("delete from episode_person where episode_id = ?").param(episodeId).update();
		insert(episodeId, persons.stream()
			.map((person) -> new PersonEntry(person.name(), person.role(), person.group(), person.img(), person.href()))
			.toList());
	}

	/** Adds {@code persons} to an episode that has none (a new one, a restored one). */
	void insert(long episodeId, List<PersonEntry> persons) {
		for (int i = 0; i < persons.size(); i++) {
			var person = persons.get(i);
			this.jdbc.sql("""
					insert into episode_person (episode_id, position, name, role, person_group, img_url, href)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(episodeId, i, person.name(), person.role(), person.group(), person.img(), person.href())
				.update();
		}
	}

}
