package ai.interconnects.archive.poll;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HostKeysTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			https://api.substack.com/feed/podcast/48206.rss   | substack.com
			https://www.interconnects.ai/feed                 | interconnects.ai
			https://latentspace.substack.com/feed             | substack.com
			https://feeds.libsyn.com/108592/rss               | libsyn.com
			https://talkingmachines.libsyn.com/rss            | libsyn.com
			https://feeds.megaphone.fm/RINTP3108857801        | megaphone.fm
			https://podcasts.files.bbci.co.uk/p05k5bq0.rss    | bbci.co.uk
			https://feed.example.com.au/rss                   | example.com.au
			https://FEEDS.Simplecast.COM/dLRotFGk             | simplecast.com
			https://localhost/rss                             | localhost
			http://127.0.0.1:8080/feeds/7.xml                 | 127.0.0.1:8080
			http://127.0.0.1:80/rss                           | 127.0.0.1
			https://[2001:db8::1]/rss                         | [2001:db8::1]
			https://example.org:443/rss                       | example.org
			http://example.org:8443/rss                       | example.org:8443
			file:///tmp/feed.xml                              | local
			""")
	void showsOfOneHostingCompanyShareOneKey(String url, String key) {
		assertThat(HostKeys.of(URI.create(url))).isEqualTo(key);
	}

}
