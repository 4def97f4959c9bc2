package ai.interconnects.archive.syndication;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import ai.interconnects.archive.library.OpmlLimits;
import ai.interconnects.archive.library.OpmlReader;
import ai.interconnects.archive.library.OpmlReport;
import ai.interconnects.archive.library.OpmlShow;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;

class OpmlWriterTests {

	private static final Instant CREATED = Instant.parse("2026-03-02T09:14:27Z");

	private final OpmlReader reader = new OpmlReader(OpmlLimits.DEFAULT);

	@Test
	void writesOpmlTwoWithTheHeadTheSpecificationAsksFor() throws Exception {
		var document = parse(write(List.of(new OpmlWriter.Entry("Interconnects",
				"https://api.substack.com/feed/podcast/48206.rss", "https://archive.example/shows/interconnects"))));

		var root = document.getDocumentElement();
		assertThat(root.getTagName()).isEqualTo("opml");
		assertThat(root.getAttribute("version")).isEqualTo("2.0");
		assertThat(text(root, "title")).isEqualTo("The library");
		assertThat(text(root, "dateCreated")).isEqualTo("Mon, 2 Mar 2026 09:14:27 GMT");
		assertThat(text(root, "docs")).isEqualTo("http://opml.org/spec2.opml");
	}

	@Test
	void writesEachShowAsOneFlatRssOutlineEveryAppImports() throws Exception {
		var document = parse(write(List.of(
				new OpmlWriter.Entry("Interconnects", "https://api.substack.com/feed/podcast/48206.rss",
						"https://archive.example/shows/interconnects"),
				new OpmlWriter.Entry("No page yet", "https://feeds.example.org/rss", null))));

		var outlines = document.getElementsByTagName("outline");
		assertThat(outlines.getLength()).isEqualTo(2);
		var first = (Element) outlines.item(0);
		// Audiobookshelf takes only type="rss"; Apple Podcasts and Overcast show "text";
		// Pocket Casts and AntennaPod read xmlUrl
		assertThat(first.getAttribute("type")).isEqualTo("rss");
		assertThat(first.getAttribute("text")).isEqualTo("Interconnects");
		assertThat(first.getAttribute("title")).isEqualTo("Interconnects");
		assertThat(first.getAttribute("xmlUrl")).isEqualTo("https://api.substack.com/feed/podcast/48206.rss");
		assertThat(first.getAttribute("htmlUrl")).isEqualTo("https://archive.example/shows/interconnects");
		assertThat(first.getParentNode().getNodeName()).isEqualTo("body");
		assertThat(((Element) outlines.item(1)).hasAttribute("htmlUrl")).isFalse();
	}

	@Test
	void escapesNamesAndAddressesAndLeavesOutWhatXmlCannotHold() throws Exception {
		var name = "Tom & \"Jerry\" <live> \u0001\uD800 \uD83C\uDF99 Caf\u00e9";
		var feed = "https://feeds.example.org/rss?a=1&b=2";

		var bytes = write(List.of(new OpmlWriter.Entry(name, feed, null)));
		var report = this.reader.read(new ByteArrayInputStream(bytes));

		assertThat(report.shows()).singleElement().satisfies((show) -> {
			assertThat(show.title()).isEqualTo("Tom & \"Jerry\" <live> \uD83C\uDF99 Caf\u00e9");
			assertThat(show.feedUrl()).isEqualTo(feed);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "apple-podcasts.opml", "pocket-casts.opml", "antennapod.opml", "overcast.opml",
			"audiobookshelf.opml" })
	void anAppsListWrittenAgainReadsAsTheSameShows(String fixture) throws Exception {
		OpmlReport original;
		try (var in = getClass().getResourceAsStream("/opml/" + fixture)) {
			original = this.reader.read(in);
		}
		var entries = original.shows()
			.stream()
			.map((show) -> new OpmlWriter.Entry(show.title(), show.feedUrl(), show.htmlUrl()))
			.toList();

		var again = this.reader.read(new ByteArrayInputStream(write(entries)));

		assertThat(again.refused()).isEmpty();
		assertThat(again.shows()).extracting(OpmlShow::title, OpmlShow::feedUrl, OpmlShow::htmlUrl)
			.containsExactlyElementsOf(original.shows()
				.stream()
				.map((show) -> org.assertj.core.groups.Tuple.tuple(show.title(), show.feedUrl(), show.htmlUrl()))
				.toList());
	}

	private static byte[] write(List<OpmlWriter.Entry> entries) {
		var out = new ByteArrayOutputStream();
		OpmlWriter.write(out, "The library", CREATED, entries);
		var bytes = out.toByteArray();
		assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		return bytes;
	}

	private static org.w3c.dom.Document parse(byte[] bytes) throws Exception {
		var factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
	}

	private static String text(Element root, String tag) {
		return root.getElementsByTagName(tag).item(0).getTextContent();
	}

}
