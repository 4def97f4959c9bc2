package ai.interconnects.archive.search;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ai.interconnects.archive.web.Formats;

import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the search page's filters offer and how it reads them back: the speaker a part of
 * a name means ("Bryan" is Bryan Catanzaro when he is the only one), dates as the months
 * the archive has ("January 2026", as the pages write dates, not a browser's
 * "01/01/2026"), and the way back to the same words without filters.
 */
final class SearchForm {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

	private SearchForm() {
	}

	/**
	 * A choice of a date select: its value (YYYY-MM-DD), what it says, whether chosen.
	 */
	record DateOption(String value, String label, boolean selected) {
	}

	/**
	 * The request with its speaker read as the reader meant it: a name that is no
	 * speaker's but is part of exactly one speaker's name becomes that name; otherwise a
	 * notice says what matched (several speakers, or none).
	 */
	static SearchRequest resolveSpeaker(SearchRequest request, List<String> speakers) {
		var asked = request.speaker();
		if (asked == null || speakers.stream().anyMatch((name) -> name.equalsIgnoreCase(asked))) {
			return request;
		}
		var key = fold(asked);
		var matches = speakers.stream().filter((name) -> partOf(key, fold(name))).toList();
		if (matches.size() == 1) {
			return request.withSpeaker(matches.get(0),
					"Showing what " + matches.get(0) + " said: the only speaker whose name has “" + asked + "”.");
		}
		if (matches.isEmpty()) {
			return request.withSpeaker(asked, "No speaker is named “" + asked + "”.");
		}
		var shown = matches.stream().limit(5).toList();
		return request.withSpeaker(asked, "Several speakers’ names have “" + asked + "”: " + String.join(", ", shown)
				+ ((matches.size() > shown.size()) ? " and more" : "") + ". Pick one in the speaker filter.");
	}

	/**
	 * A name's words begin with the words asked for ("bry cat" is in "bryan catanzaro").
	 */
	private static boolean partOf(String asked, String name) {
		var words = name.split(" ");
		for (var part : asked.split(" ")) {
			boolean found = false;
			for (var word : words) {
				found |= word.startsWith(part);
			}
			if (!found) {
				return false;
			}
		}
		return !asked.isBlank();
	}

	private static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}+", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^\\p{L}\\p{N}]+", " ")
			.strip();
	}

	/**
	 * The months to offer, newest first: each the first day (for "from") or the last (for
	 * "to"); a date chosen some other way (a link, the API) is kept as an option of its
	 * own.
	 */
	static List<DateOption> months(List<YearMonth> months, LocalDate chosen, boolean first) {
		var options = new ArrayList<DateOption>();
		boolean found = false;
		for (var month : months) {
			var day = first ? month.atDay(1) : month.atEndOfMonth();
			boolean selected = day.equals(chosen);
			found |= selected;
			options.add(new DateOption(day.toString(), MONTH.format(month), selected));
		}
		if (chosen != null && !found) {
			options.add(0, new DateOption(chosen.toString(), Formats.date(chosen), true));
		}
		return options;
	}

	/**
	 * The options as HTML, escaped. A long archive offers a few hundred months in each
	 * list; written by the template, with four expressions an option, they took more of
	 * the page's time than its results (BENCHMARKS.md, issue 20's run 14).
	 */
	static String optionsHtml(List<DateOption> options) {
		var html = new StringBuilder(options.size() * 56);
		for (var option : options) {
			html.append("<option value=\"").append(HtmlUtils.htmlEscape(option.value())).append('"');
			if (option.selected()) {
				html.append(" selected");
			}
			html.append('>').append(HtmlUtils.htmlEscape(option.label())).append("</option>\n");
		}
		return html.toString();
	}

	/** The same words with no filter, or null when no filter is set. */
	static String withoutFilters(SearchRequest request) {
		if (request.speaker() == null && request.from() == null && request.to() == null
				&& request.sort() == SearchSort.RELEVANCE && request.shows().isEmpty()) {
			return null;
		}
		// the ranking mode is a way of searching, not a filter: clearing filters keeps it
		var uri = UriComponentsBuilder.fromPath("/search").queryParam("q", request.query());
		if (request.mode() != SearchMode.HYBRID) {
			uri.queryParam("mode", request.mode().param());
		}
		return uri.encode().build().toUriString();
	}

}
