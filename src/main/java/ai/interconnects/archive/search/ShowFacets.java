package ai.interconnects.archive.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The "Shows" facet: how many episodes match in each show, counted without the show
 * filter so that the reader can switch. Exact when the total is exact; otherwise by the
 * total's own rule ({@link EpisodeMatcher.Matches#episodes}): the matches found per show
 * plus the show's unchecked candidates times the share of checked ones that matched, so
 * that the facet adds up to the total.
 */
final class ShowFacets {

	private ShowFacets() {
	}

	/**
	 * One show of the facet.
	 *
	 * @param slug the show's slug, the value of {@code show=}
	 * @param title the show's title
	 * @param episodes matching episodes in the show
	 * @param estimated whether {@code episodes} is an estimate
	 * @param selected whether the show filter names the show
	 */
	record Facet(String slug, String title, long episodes, boolean estimated, boolean selected) {
	}

	/**
	 * The facet of {@code matches} (found without the show filter), shows in library
	 * order.
	 */
	static List<Facet> of(EpisodeMatcher.Matches matches, Map<Long, SearchResults.ShowName> names,
			List<Long> selected) {
		var found = new HashMap<Long, Double>();
		for (var candidate : matches.matched()) {
			found.merge(candidate.showId(), 1.0, Double::sum);
		}
		if (!matches.allChecked()) {
			double share = (double) matches.matched().size() / matches.checked();
			for (var candidate : matches.candidates().subList(matches.checked(), matches.candidates().size())) {
				found.merge(candidate.showId(), share, Double::sum);
			}
		}
		var facets = new ArrayList<Facet>();
		for (var show : names.entrySet()) {
			long count = Math.round(found.getOrDefault(show.getKey(), 0.0));
			if (count > 0 || selected.contains(show.getKey())) {
				facets.add(new Facet(show.getValue().slug(), show.getValue().title(), count, !matches.allChecked(),
						selected.contains(show.getKey())));
			}
		}
		return facets;
	}

}
