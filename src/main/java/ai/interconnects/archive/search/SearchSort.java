package ai.interconnects.archive.search;

/**
 * Result order: by relevance (the default, and for any unknown value) or newest first.
 */
enum SearchSort {

	RELEVANCE("relevance"), NEWEST("newest");

	private final String param;

	SearchSort(String param) {
		this.param = param;
	}

	String param() {
		return this.param;
	}

	static SearchSort of(String value) {
		return "newest".equalsIgnoreCase((value != null) ? value.strip() : "") ? NEWEST : RELEVANCE;
	}

}
