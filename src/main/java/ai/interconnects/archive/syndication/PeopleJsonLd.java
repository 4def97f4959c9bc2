package ai.interconnects.archive.syndication;

import ai.interconnects.archive.episode.PersonEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The people of a {@code PodcastEpisode} in schema.org terms: the feed's cast (hosts,
 * guests: {@code group="cast"}) as its {@code actor}s, everyone else (producers,
 * editors…) as {@code contributor}s. Each is a schema.org Role ({@code PerformanceRole}
 * for the cast) around a {@code Person}, so the role the feed gives survives:
 * {@code {"@type":"PerformanceRole","roleName":"guest","actor":{"@type":"Person",…}}}.
 */
final class PeopleJsonLd {

	private PeopleJsonLd() {
	}

	static void add(Map<String, Object> episode, List<PersonEntry> persons) {
		var actors = new ArrayList<Object>();
		var contributors = new ArrayList<Object>();
		for (var person : persons) {
			boolean cast = "cast".equals(person.group());
			var role = new LinkedHashMap<String, Object>();
			role.put("@type", cast ? "PerformanceRole" : "Role");
			role.put("roleName", person.role());
			role.put(cast ? "actor" : "contributor", person(person));
			(cast ? actors : contributors).add(role);
		}
		if (!actors.isEmpty()) {
			episode.put("actor", actors);
		}
		if (!contributors.isEmpty()) {
			episode.put("contributor", contributors);
		}
	}

	private static Map<String, Object> person(PersonEntry person) {
		var json = new LinkedHashMap<String, Object>();
		json.put("@type", "Person");
		json.put("name", person.name());
		if (person.href() != null) {
			json.put("url", person.href());
		}
		if (person.img() != null) {
			json.put("image", person.img());
		}
		return json;
	}

}
