package ai.interconnects.archive.web;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebUrlTests {

	@Test
	void illegalCharactersArePercentEncodedAndValidEscapesKept() {
		assertThat(WebUrl.asWrittenOrNull(" https://cdn.example/a b.mp3 ")).isEqualTo("https://cdn.example/a%20b.mp3");
		assertThat(WebUrl.asWrittenOrNull("https://cdn.example/%20ok%2Fpath"))
			.isEqualTo("https://cdn.example/%20ok%2Fpath");
		assertThat(WebUrl.asWrittenOrNull("https://cdn.example/100%.mp3")).isEqualTo("https://cdn.example/100%25.mp3");
		assertThat(WebUrl.asWrittenOrNull("https://cdn.example/פרק.mp3"))
			.isEqualTo("https://cdn.example/%D7%A4%D7%A8%D7%A7.mp3");
		assertThat(WebUrl.asWrittenOrNull("https://cdn.example/{id}|\"x\""))
			.isEqualTo("https://cdn.example/%7Bid%7D%7C%22x%22");
	}

	@Test
	void theBracketsOfAnIpv6HostStayAndOthersAreEncoded() {
		assertThat(WebUrl.asWrittenOrNull("http://[2001:db8::1]:8080/a[1].mp3"))
			.isEqualTo("http://[2001:db8::1]:8080/a%5B1%5D.mp3");
		assertThat(URI.create(WebUrl.asWrittenOrNull("http://[::ffff:127.0.0.1]/x")).getHost())
			.isEqualTo("[::ffff:127.0.0.1]");
		assertThat(WebUrl.asWrittenOrNull("https://cdn.example/?q=[x]")).isEqualTo("https://cdn.example/?q=%5Bx%5D");
	}

	@Test
	void onlyWebSchemesAreKept() {
		assertThat(WebUrl.asWrittenOrNull("javascript:alert(1)")).isNull();
		assertThat(WebUrl.asWrittenOrNull("data:audio/mpeg;base64,AAAA")).isNull();
		assertThat(WebUrl.asWrittenOrNull("ftp://files.example/a.mp3")).isNull();
		assertThat(WebUrl.asWrittenOrNull("file:/etc/passwd")).isNull();
		assertThat(WebUrl.asWrittenOrNull("  ")).isNull();
		assertThat(WebUrl.asWrittenOrNull(null)).isNull();
	}

	@Test
	void aWebUrlHasAHostAndIsAbsolute() {
		assertThat(WebUrl.orNull("http://")).isNull();
		assertThat(WebUrl.orNull("https:///path-only")).isNull();
		assertThat(WebUrl.orNull("/episodes/relative")).isNull();
		assertThat(WebUrl.orNull("//cdn.example/no-scheme.mp3")).isNull();
		assertThat(WebUrl.orNull("HTTPS://cdn.example/a.mp3")).isEqualTo("HTTPS://cdn.example/a.mp3");
		assertThatIllegalArgumentException().isThrownBy(() -> new WebUrl(URI.create("javascript:alert(1)")));
	}

	@Test
	void readAsItIsAUrlWithIllegalCharactersIsNoWebUrl() {
		// pages and stored columns are read as they are; only feed text is repaired
		assertThat(WebUrl.orNull("https://cdn.example/a b.mp3")).isNull();
		assertThat(WebUrl.orNull(" https://cdn.example/a.mp3 ")).isEqualTo("https://cdn.example/a.mp3");
	}

	@Test
	void onlyHttpsIsSecure() {
		assertThat(WebUrl.parse("https://img.example/a.png").orElseThrow().isHttps()).isTrue();
		assertThat(WebUrl.parse("HTTPS://img.example/a.png").orElseThrow().isHttps()).isTrue();
		assertThat(WebUrl.parse("http://img.example/a.png").orElseThrow().isHttps()).isFalse();
	}

}
