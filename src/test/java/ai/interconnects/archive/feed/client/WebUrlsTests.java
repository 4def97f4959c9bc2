package ai.interconnects.archive.feed.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebUrlsTests {

	@Test
	void illegalCharactersArePercentEncodedAndValidEscapesKept() {
		assertThat(WebUrls.web(" https://cdn.example/a b.mp3 ")).isEqualTo("https://cdn.example/a%20b.mp3");
		assertThat(WebUrls.web("https://cdn.example/%20ok%2Fpath")).isEqualTo("https://cdn.example/%20ok%2Fpath");
		assertThat(WebUrls.web("https://cdn.example/100%.mp3")).isEqualTo("https://cdn.example/100%25.mp3");
		assertThat(WebUrls.web("https://cdn.example/פרק.mp3")).isEqualTo("https://cdn.example/%D7%A4%D7%A8%D7%A7.mp3");
		assertThat(WebUrls.web("https://cdn.example/{id}|\"x\"")).isEqualTo("https://cdn.example/%7Bid%7D%7C%22x%22");
	}

	@Test
	void theBracketsOfAnIpv6HostStayAndOthersAreEncoded() {
		assertThat(WebUrls.web("http://[2001:db8::1]:8080/a[1].mp3"))
			.isEqualTo("http://[2001:db8::1]:8080/a%5B1%5D.mp3");
		assertThat(java.net.URI.create(WebUrls.web("http://[::ffff:127.0.0.1]/x")).getHost())
			.isEqualTo("[::ffff:127.0.0.1]");
		assertThat(WebUrls.web("https://cdn.example/?q=[x]")).isEqualTo("https://cdn.example/?q=%5Bx%5D");
	}

	@Test
	void onlyWebSchemesAreKept() {
		assertThat(WebUrls.web("javascript:alert(1)")).isNull();
		assertThat(WebUrls.web("data:audio/mpeg;base64,AAAA")).isNull();
		assertThat(WebUrls.web("ftp://files.example/a.mp3")).isNull();
		assertThat(WebUrls.web("  ")).isNull();
	}

}
