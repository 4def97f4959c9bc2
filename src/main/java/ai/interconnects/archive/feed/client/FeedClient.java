package ai.interconnects.archive.feed.client;

import java.net.URI;

import org.springframework.stereotype.Component;

/**
 * Reads a feed: fetches its bytes (HTTP(S) or {@code file:}) and parses them. Stateless:
 * what to send (validators) and what to keep (the result) is the caller's business.
 */
@Component
public class FeedClient {

	private final FeedFetcher fetcher;

	private final FeedParser parser = new FeedParser();

	FeedClient(FeedFetcher fetcher) {
		this.fetcher = fetcher;
	}

	/**
	 * Fetches {@code url}, sending the validators when they are given (a conditional GET
	 * that may answer 304 Not Modified).
	 */
	public FetchResult fetch(URI url, String etag, String lastModified) throws FeedException {
		return this.fetcher.fetch(url, etag, lastModified);
	}

	/** Parses a fetched body; items that cannot be read are listed, not thrown. */
	public ParsedFeed parse(byte[] body, String contentType) throws FeedException {
		return this.parser.parse(body, contentType);
	}

}
