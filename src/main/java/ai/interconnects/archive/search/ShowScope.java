package ai.interconnects.archive.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.interconnects.archive.show.Shows;

import org.springframework.stereotype.Component;

/**
 * The shows a search can see: each episode's show by name, the {@code show=} filter as
 * ids (an unknown slug is named in a notice and left out), and whether the archive is a
 * library (only then do the results page and the API show a facet per show).
 */
@Component
class ShowScope {

	private final Shows shows;

	ShowScope(Shows shows) {
		this.shows = shows;
	}

	/** The visible shows by id, oldest first, as results name them. */
	Map<Long, SearchResults.ShowName> names() {
		var names = new LinkedHashMap<Long, SearchResults.ShowName>();
		for (var show : this.shows.visible()) {
			names.put(show.id(), new SearchResults.ShowName(show.slug(), show.title()));
		}
		return names;
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
