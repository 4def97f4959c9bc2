package ai.interconnects.archive.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

class PublicUrlTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(PublicUrlOnly.class);

	@Test
	void absoluteUrlsAreBuiltOnTheConfiguredAddressWithoutADoubleSlash() {
		this.context.withPropertyValues("archive.public-url= https://archive.example.org/ ")
			.run((context) -> assertThat(context.getBean(PublicUrl.class).of("/episodes/a"))
				.isEqualTo("https://archive.example.org/episodes/a"));
	}

	@Test
	void withoutAnAddressTheLocalServerIsUsedWithItsPort() {
		this.context.withPropertyValues("server.port=8123")
			.run((context) -> assertThat(context.getBean(PublicUrl.class).of("/")).isEqualTo("http://localhost:8123/"));
		this.context.withPropertyValues("archive.public-url=", "server.port=80")
			.run((context) -> assertThat(context.getBean(PublicUrl.class).of("/")).isEqualTo("http://localhost/"));
	}

	@Test
	void anAddressThatIsNotAnAbsoluteWebAddressStopsTheStartWithTheRule() {
		for (var bad : new String[] { "archive.example.org", "ftp://archive.example.org",
				"https://archive.example.org/?from=feed", "https://archive.example.org/#top", "https:///nohost" }) {
			this.context.withPropertyValues("archive.public-url=" + bad)
				.run((context) -> assertThat(context).as(bad)
					.getFailure()
					.rootCause()
					.hasMessageContaining("archive.public-url must be an http(s) address"));
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(PublicUrlProperties.class)
	@Import(PublicUrl.class)
	static class PublicUrlOnly {

	}

}
