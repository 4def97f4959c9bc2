package ai.interconnects.archive.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The shows a search can see: each episode's show by name, the {@code show=} filter as
 * ids (an unknown slug is named in a notice and left out), and whether the archive is a
 * library (only then do the results page and the API show a facet per show). Reads the
 * visible shows by the rule of {@code show.Shows#visible} (titled, not removed) itself,
 * so that the search services start with the database alone (as their tests do).
 */
@Component
class ShowScope {

	private final JdbcClient jdbc;

	ShowScope(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The visible shows by id, oldest first, as results name them. */
	Map<Long, SearchResults.ShowName> names() {
		var names = new LinkedHashMap<Long, SearchResults.ShowName>();
		this.jdbc.sql("select id, slug, title from podcast where title is not null and removed_at is null order by id")
			.query((rs) -> {
				names.put(rs.getLong("id"), new SearchResults.ShowName(rs.getString("slug"), rs.getString("title")));
			});
		return names;
	}

	/**
	 * The episodes of the shows with these ids, for search by meaning (whose index knows
	 * episodes, not shows); null when {@code showIds} is empty (every show).
	 */
	Set<Long> episodes(List<Long> showIds) {
		if (showIds.isEmpty()) {
			return null;
		}
		return new HashSet<>(this.jdbc.sql("select id from episode where podcast_id = any(:shows)")
			.param("shows", showIds.toArray(Long[]::new))
			.query(Long.class)
			.list());
	}

	/**
	 * The request with its {@code show=} slugs resolved against {@code names}; a slug
	 * that names no visible show is said in a notice and ignored.
	 */
	static SearchRequest resolve(SearchRequest request, Map<Long, SearchResults.ShowName> names) {
		if (request.shows().isEmpty()) {
			return request;
		}
		var ids = new ArrayList<Long>();
		var unknown = new ArrayList<String>();
		for (var slug : request.shows()) {
			var id = names.entrySet().stream().filter((e) -> e.getValue().slug().equals(slug)).findFirst();
			if (id.isPresent()) {
				ids.add(id.get().getKey());
			}
			else {
				unknown.add("“" + slug + "”");
			}
		}
		var resolved = request.withShowIds(ids);
		if (!unknown.isEmpty()) {
			resolved = resolved.withNotice(((unknown.size() == 1) ? "No show is called " : "No shows are called ")
					+ String.join(", ", unknown) + ": " + ((unknown.size() == 1) ? "it was" : "they were")
					+ " left out of the show filter.");
		}
		return resolved;
	}

}
