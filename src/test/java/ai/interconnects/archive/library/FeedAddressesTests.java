package ai.interconnects.archive.library;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FeedAddressesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			https://api.substack.com/feed/podcast/48206.rss   | https://api.substack.com/feed/podcast/48206.rss
			  HTTPS://Feeds.Megaphone.FM/RINTP3108857801  | https://feeds.megaphone.fm/RINTP3108857801
			http://example.org                                | http://example.org/
			https://example.org:8443/rss#latest               | https://example.org:8443/rss
			feed://example.org/rss                            | http://example.org/rss
			feed:https://example.org/rss                      | https://example.org/rss
			itpc://example.org/rss                            | http://example.org/rss
			pcast://example.org/rss                           | http://example.org/rss
			https://example.org/ünterhaltung.xml              | https://example.org/%C3%BCnterhaltung.xml
			https://example.org/rss?a=1&b=2                   | https://example.org/rss?a=1&b=2
			""")
	void acceptsWebAddressesAndThePodcastAppAliasesForThem(String raw, String expected) {
		var checked = FeedAddresses.check(raw);

		assertThat(checked.refusal()).isNull();
		assertThat(checked.url()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					file:///etc/passwd                    | its scheme is file:; only http and https feeds are archived
					javascript:alert(1)                   | its scheme is javascript:; only http and https feeds are archived
					data:text/xml,<rss/>                  | its scheme is data:; only http and https feeds are archived
					//example.org/rss                     | not an absolute address; a feed address starts with https:// or http://
					https:///rss                          | the address has no valid host name
					https://a b.example/rss               | the feed address contains spaces or control characters
					https://user:pw@example.org/rss       | the address carries a user name or password; a private feed is not archived, because the archive publishes every show's feed address
					https://example.org/%zz               | not a valid web address (Malformed escape pair)
					""")
	void refusesWhatIsNotAPublicWebFeedAddressSayingWhy(String raw, String reason) {
		var checked = FeedAddresses.check(raw);

		assertThat(checked.ok()).isFalse();
		assertThat(checked.refusal()).isEqualTo(reason);
	}

	@Test
	void refusesBlankAndOverlongAddresses() {
		assertThat(FeedAddresses.check(null).refusal()).isEqualTo("no feed address (xmlUrl)");
		assertThat(FeedAddresses.check("  ").refusal()).isEqualTo("no feed address (xmlUrl)");
		assertThat(FeedAddresses.check("https://example.org/" + "a".repeat(2100)).refusal())
			.isEqualTo("the feed address is 2120 characters long; at most 2048 are accepted");
	}

	@Test
	void oneFeedHasOneKeyWhateverItsSchemeCaseDefaultPortOrTrailingSlash() {
		assertThat(FeedAddresses.sameFeedKey("https://example.org/rss/"))
			.isEqualTo(FeedAddresses.sameFeedKey("http://example.org:80/rss"))
			.isEqualTo(FeedAddresses.sameFeedKey(FeedAddresses.check("HTTPS://EXAMPLE.org:443/rss").url()));
		assertThat(FeedAddresses.sameFeedKey("https://example.org/rss?show=1"))
			.isNotEqualTo(FeedAddresses.sameFeedKey("https://example.org/rss?show=2"));
		assertThat(FeedAddresses.sameFeedKey("https://example.org:8443/rss"))
			.isNotEqualTo(FeedAddresses.sameFeedKey("https://example.org/rss"));
	}

}
