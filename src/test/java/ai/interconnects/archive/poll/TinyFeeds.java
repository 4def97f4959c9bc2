package ai.interconnects.archive.poll;

import java.nio.charset.StandardCharsets;

/** Small RSS feeds for the library tests: one show, a few episodes with its own GUIDs. */
final class TinyFeeds {

	private TinyFeeds() {
	}

	static byte[] show(String name, int episodes) {
		var items = new StringBuilder();
		for (int i = 1; i <= episodes; i++) {
			items.append("""
					<item><title>%1$s episode %2$d</title><guid isPermaLink="false">%1$s-%2$d</guid>
					<pubDate>Mon, 0%2$d Dec 2025 10:00:00 GMT</pubDate>
					<description>Episode %2$d of %1$s.</description>
					<enclosure url="https://cdn.example.com/%1$s/%2$d.mp3" length="1000" type="audio/mpeg"/></item>
					""".formatted(name, i));
		}
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>%1$s</title><link>https://example.com/%1$s</link>
				<description>The show %1$s.</description>
				%2$s</channel></rss>
				""".formatted(name, items).getBytes(StandardCharsets.UTF_8);
	}

}
