package ai.interconnects.archive.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A search as the user asked for it, made safe for PostgreSQL: any query string becomes a
 * valid request, and what had to be changed or ignored is said in {@link #notices()}.
 *
 * @param query the text for {@code websearch_to_tsquery}: without NUL and other control
 * characters, at most {@code maxQueryLength} code points
 * @param speaker exact speaker name (case-insensitive), or null
 * @param from first day included, or null
 * @param to last day included, or null
 * @param sort result order
 * @param page requested page, 1 or more (clamped to the last page by the service)
 * @param notices messages about ignored or shortened input
 * @param mode by meaning and words, or by the exact words only
 * @param shows the shows asked for by slug ({@code show=}), empty for every show
 * @param showIds the ids of the known shows among {@code shows} ({@link ShowScope}),
 * empty for every show
 */
record SearchRequest(String query, String speaker, LocalDate from, LocalDate to, SearchSort sort, int page,
		List<String> notices, SearchMode mode, List<String> shows, List<Long> showIds) {

	SearchRequest(String query, String speaker, LocalDate from, LocalDate to, SearchSort sort, int page,
			List<String> notices, SearchMode mode) {
		this(query, speaker, from, to, sort, page, notices, mode, List.of(), List.of());
	}

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\uE000\\uE001]");

	/** Two or more minus signs, with only what websearch syntax skips between them. */
	private static final Pattern NEGATION_RUN = Pattern.compile("(?<![\\p{L}\\p{N}-])-(?:[^\\p{L}\\p{N}\"]*-)+");

	// PostgreSQL's timestamptz cannot hold every LocalDate; these bounds can never fail
	private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

	static SearchRequest of(String q, String speaker, String from, String to, String sort, String page,
			int maxQueryLength) {
		return of(q, speaker, from, to, sort, page, null, maxQueryLength);
	}

	static SearchRequest of(String q, String speaker, String from, String to, String sort, String page, String mode,
			int maxQueryLength) {
		var notices = new ArrayList<String>();
		var query = negations(clean(q));
		if (query.codePointCount(0, query.length()) > maxQueryLength) {
			query = query.substring(0, query.offsetByCodePoints(0, maxQueryLength)).strip();
			notices.add("Your search was shortened to its first " + maxQueryLength + " characters.");
		}
		var who = clean(speaker);
		// a speaker filter is held to the same length as the query
		if (who.codePointCount(0, who.length()) > maxQueryLength) {
			who = who.substring(0, who.offsetByCodePoints(0, maxQueryLength));
		}
		var fromDate = date(from, "from", notices);
		var toDate = date(to, "to", notices);
		if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
			notices.add("The dates were swapped: “from” was after “to”.");
			var swap = fromDate;
			fromDate = toDate;
			toDate = swap;
		}
		return new SearchRequest(query, who.isEmpty() ? null : who, fromDate, toDate, SearchSort.of(sort),
				pageNumber(page), List.copyOf(notices), SearchMode.of(mode));
	}

	/**
	 * NUL is rejected by PostgreSQL in text values; the other control characters (and the
	 * private-use characters the highlighter uses as markers) carry no searchable
	 * meaning.
	 */
	static String clean(String value) {
		return (value != null) ? CONTROL.matcher(value).replaceAll(" ").strip() : "";
	}

	/**
	 * A run of minus signs before a word ({@code ---word}, {@code - - word}) is one
	 * {@code NOT} or none, by its parity: the same query, but never the deep nesting that
	 * PostgreSQL refuses ("tsquery stack too small", from 32 on). Hyphens inside a word
	 * ({@code open-weight}) are left alone.
	 */
	static String negations(String query) {
		var runs = NEGATION_RUN.matcher(query);
		var out = new StringBuilder();
		while (runs.find()) {
			long minus = runs.group().chars().filter((c) -> c == '-').count();
			runs.appendReplacement(out, (minus % 2 == 1) ? "-" : " ");
		}
		runs.appendTail(out);
		return out.toString();
	}

	private static LocalDate date(String value, String name, List<String> notices) {
		var text = clean(value);
		if (text.isEmpty()) {
			return null;
		}
		try {
			var date = LocalDate.parse(text);
			if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
				notices.add("The “" + name + "” date was ignored: it is outside " + EARLIEST.getYear() + "–"
						+ LATEST.getYear() + ".");
				return null;
			}
			return date;
		}
		catch (RuntimeException ex) {
			notices.add("The “" + name + "” date was ignored: write it as YYYY-MM-DD.");
			return null;
		}
	}

	private static int pageNumber(String value) {
		try {
			return Math.max(1, Integer.parseInt(clean(value)));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	boolean blank() {
		return this.query.isEmpty();
	}

	/**
	 * Whether the query is plain language: no quotes, no {@code -exclusion}, no
	 * {@code or}. Only such a query is ranked by meaning as well as words. Public: the
	 * search page's template calls it (a package-private method is not found there).
	 */
	public boolean plain() {
		return !PLAIN_BREAKERS.matcher(this.query).find();
	}

	private static final Pattern PLAIN_BREAKERS = Pattern.compile("[\"“”]|(^|\\s)-\\S|(^|\\s)or(\\s|$)",
			Pattern.CASE_INSENSITIVE);

	/** The same request in another order. */
	SearchRequest withSort(SearchSort other) {
		return new SearchRequest(this.query, this.speaker, this.from, this.to, other, this.page, this.notices,
				this.mode, this.shows, this.showIds);
	}

	/** The same request ranked another way. */
	SearchRequest withMode(SearchMode other) {
		return new SearchRequest(this.query, this.speaker, this.from, this.to, this.sort, this.page, this.notices,
				other, this.shows, this.showIds);
	}

	/** The same request with one more notice. */
	SearchRequest withNotice(String notice) {
		var all = new ArrayList<>(this.notices);
		all.add(notice);
		return new SearchRequest(this.query, this.speaker, this.from, this.to, this.sort, this.page, List.copyOf(all),
				this.mode, this.shows, this.showIds);
	}

	/** The same request for another speaker, saying why in one more notice. */
	SearchRequest withSpeaker(String speaker, String notice) {
		var all = new ArrayList<>(this.notices);
		all.add(notice);
		return new SearchRequest(this.query, speaker, this.from, this.to, this.sort, this.page, List.copyOf(all),
				this.mode, this.shows, this.showIds);
	}

	/**
	 * The same request narrowed to the shows named by {@code show=} values: each value
	 * one slug or several separated by commas; blanks and repeats are dropped.
	 */
	SearchRequest withShows(List<String> values) {
		var slugs = new java.util.LinkedHashSet<String>();
		for (var value : (values != null) ? values : List.<String>of()) {
			for (var part : clean(value).split(",")) {
				if (!part.isBlank()) {
					slugs.add(part.strip());
				}
			}
		}
		return new SearchRequest(this.query, this.speaker, this.from, this.to, this.sort, this.page, this.notices,
				this.mode, List.copyOf(slugs), this.showIds);
	}

	/** The same request with the shows resolved to ids (empty: every show). */
	SearchRequest withShowIds(List<Long> ids) {
		return new SearchRequest(this.query, this.speaker, this.from, this.to, this.sort, this.page, this.notices,
				this.mode, this.shows, List.copyOf(ids));
	}

	/** The same request over every show (for the facet, which lets the reader switch). */
	SearchRequest everyShow() {
		return new SearchRequest(this.query, this.speaker, this.from, this.to, this.sort, this.page, this.notices,
				this.mode, List.of(), List.of());
	}

}
