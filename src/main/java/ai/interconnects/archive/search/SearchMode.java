package ai.interconnects.archive.search;

/**
 * How a plain-language query is ranked: by meaning and words together (the default), or
 * by its exact words only ({@code mode=words}: the keyword search, as before search by
 * meaning). Queries with quotes, exclusions or {@code or} always keep their exact
 * meaning.
 */
enum SearchMode {

	HYBRID("hybrid"), WORDS("words");

	private final String param;

	SearchMode(String param) {
		this.param = param;
	}

	String param() {
		return this.param;
	}

	static SearchMode of(String value) {
		return "words".equalsIgnoreCase((value != null) ? value.strip() : "") ? WORDS : HYBRID;
	}

}
