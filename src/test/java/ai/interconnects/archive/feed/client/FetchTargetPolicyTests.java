package ai.interconnects.archive.feed.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;

import ai.interconnects.archive.support.FeedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fetcher goes only to public addresses, unless the configured feed itself is
 * internal.
 */
class FetchTargetPolicyTests {

	/** A fixed DNS: two public names, one that rebinds to loopback, one that mixes. */
	private final FetchTargetPolicy policy = new FetchTargetPolicy((host) -> {
		var table = Map.of("feed.example", new String[] { "93.184.216.34" }, "cdn.example",
				new String[] { "2606:2800:220:1::1" }, "sneaky.example", new String[] { "127.0.0.1" }, "mixed.example",
				new String[] { "93.184.216.34", "10.0.0.5" });
		var addresses = table.get(host);
		if (addresses == null) {
			return InetAddress.getAllByName(host); // literals only in these tests
		}
		var result = new InetAddress[addresses.length];
		for (int i = 0; i < addresses.length; i++) {
			result[i] = InetAddress.getByName(addresses[i]);
		}
		return result;
	});

	private static final URI PUBLIC_FEED = URI.create("https://feed.example/podcast.rss");

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8080/internal", "http://127.1.2.3/", "http://localhost/",
			"http://10.1.2.3/", "http://172.16.0.1/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/",
			"http://100.64.0.1/", "http://0.0.0.0/", "http://[::1]/", "http://[::]/", "http://[::ffff:127.0.0.1]/",
			"http://[::ffff:169.254.169.254]/", "http://[fd00:ec2::254]/", "http://[fe80::1]/", "http://[fc00::1]/",
			"http://[64:ff9b::a9fe:a9fe]/", "http://[2002:7f00:1::]/", "http://sneaky.example/",
			"http://mixed.example/" })
	void internalTargetsAreRefusedForAPublicFeed(String target) {
		assertThatExceptionOfType(FetchTargetPolicy.RefusedTargetException.class)
			.isThrownBy(() -> this.policy.verify(URI.create(target), PUBLIC_FEED))
			.withMessageStartingWith("Refused to fetch " + target);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://feed.example/other.rss", "https://cdn.example/x", "http://93.184.216.34/",
			"http://[2606:4700::1111]/" })
	void publicTargetsAreAllowed(String target) throws Exception {
		assertThat(this.policy.verify(URI.create(target), PUBLIC_FEED)).isNotEmpty();
	}

	@Test
	void anInternalConfiguredFeedAllowsInternalTargets() throws Exception {
		var local = URI.create("http://127.0.0.1:9999/feed.xml");
		assertThat(this.policy.verify(URI.create("http://127.0.0.1:9999/moved.xml"), local)).isNotEmpty();
		assertThat(this.policy.verify(URI.create("http://10.0.0.1/"), local)).isNotEmpty();
	}

	@Test
	void anUnknownHostIsRefusedSayingTheNameCouldNotBeFound() {
		assertThatExceptionOfType(FetchTargetPolicy.RefusedTargetException.class)
			.isThrownBy(() -> new FetchTargetPolicy((host) -> {
				throw new UnknownHostException(host);
			}).verify(URI.create("https://nowhere.example/"), PUBLIC_FEED))
			.withMessageStartingWith("Unknown host nowhere.example: the name could not be found")
			.matches(FetchTargetPolicy.RefusedTargetException::unknownHost);
	}

	@Test
	void theFetcherRefusesAStoredUrlOnLoopbackWhenTheConfiguredFeedIsPublic() {
		// as if two 301s had moved the stored feed URL to an internal service before
		try (var server = FeedServer.start()) {
			server.respond("/internal", 200, "secret".getBytes());
			var fetcher = new FeedFetcher(
					new FeedProperties(URI.create("https://feed.invalid/podcast.rss"), Duration.ofSeconds(2),
							Duration.ofSeconds(2), Duration.ofSeconds(5), DataSize.ofMegabytes(1), 5, "test"));
			assertThatExceptionOfType(FeedException.class)
				.isThrownBy(() -> fetcher.fetch(server.url("/internal"), null, null))
				.withMessageContaining("Refused to fetch");
			assertThat(server.requests()).isEmpty();
		}
	}

	@Test
	void theFetcherFollowsRedirectsOnLoopbackWhenTheConfiguredFeedIsThere() throws Exception {
		try (var server = FeedServer.start()) {
			server.respond("/feed.xml", 302, new byte[0], "Location", "/moved.xml");
			server.respond("/moved.xml", 200, "<rss/>".getBytes());
			var fetcher = new FeedFetcher(new FeedProperties(server.url("/feed.xml"), Duration.ofSeconds(2),
					Duration.ofSeconds(2), Duration.ofSeconds(5), DataSize.ofMegabytes(1), 5, "test"));
			assertThat(fetcher.fetch(server.url("/feed.xml"), null, null).status()).isEqualTo(200);
		}
	}

}
