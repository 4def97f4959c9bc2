package ai.interconnects.archive.library;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class OpmlReaderTests {

	private static final String INTERCONNECTS = "https://api.substack.com/feed/podcast/48206.rss";

	private final OpmlReader reader = new OpmlReader(OpmlLimits.DEFAULT);

	@Test
	void readsApplePodcastsFolderOfTextOnlyOutlinesWithCrlfLineEnds() throws Exception {
		var report = read("apple-podcasts.opml");

		assertThat(report.title()).isEqualTo("Podcasts");
		assertThat(report.shows()).extracting(OpmlShow::title, OpmlShow::feedUrl, OpmlShow::htmlUrl)
			.containsExactly(
					tuple("Interconnects", INTERCONNECTS, null), tuple("Latent Space: The AI Engineer Podcast",
							"https://api.substack.com/feed/podcast/1084089.rss", null),
					tuple("Dwarkesh Podcast", "https://api.substack.com/feed/podcast/69345.rss", null),
					tuple("\"The Cognitive Revolution\" | AI Builders, Researchers, and Live Player Analysis",
							"https://feeds.megaphone.fm/RINTP3108857801", null),
					tuple("The TWIML AI Podcast (formerly This Week in Machine Learning & Artificial Intelligence)",
							"https://feeds.megaphone.fm/MLN2155636147", null));
		assertThat(report.refused()).isEmpty();
		assertThat(report.shows().get(0).line()).isEqualTo(8);
	}

	@Test
	void readsPocketCastsFeedsFolderWithEscapedQueryStrings() throws Exception {
		var report = read("pocket-casts.opml");

		assertThat(report.title()).isEqualTo("Pocket Casts Feeds");
		assertThat(report.shows()).hasSize(5);
		assertThat(report.shows().get(4).feedUrl())
			.isEqualTo("https://feeds.megaphone.fm/nopriors?limit=300&format=rss");
		assertThat(report.shows().get(4).title())
			.isEqualTo("No Priors: Artificial Intelligence | Technology | Startups");
		assertThat(report.refused()).isEmpty();
	}

	@Test
	void readsAntennaPodAndRefusesItsLocalFolderFeedKeepingTheShowWithABrokenPage() throws Exception {
		var report = read("antennapod.opml");

		assertThat(report.title()).isEqualTo("AntennaPod Subscriptions");
		assertThat(report.shows()).extracting(OpmlShow::title, OpmlShow::htmlUrl)
			.containsExactly(tuple("Interconnects", "https://www.interconnects.ai/podcast"),
					tuple("Latent Space: The AI Engineer Podcast", "https://www.latent.space/podcast"),
					// an htmlUrl that is not an address is left out, the show kept
					tuple("Talking Machines", null), tuple("Ünterhaltungen über KI", "https://kipodcast.example/"));
		assertThat(report.refused()).singleElement().satisfies((refusal) -> {
			assertThat(refusal.label()).isEqualTo("Recordings from my phone");
			assertThat(refusal.reason())
				.isEqualTo("its scheme is antennapod_local:; only http and https feeds are archived");
			assertThat(refusal.line()).isEqualTo(11);
		});
	}

	@Test
	void readsOvercastFeedsAndIgnoresItsPlaylistsAndEpisodes() throws Exception {
		var report = read("overcast.opml");

		assertThat(report.title()).isEqualTo("Overcast Podcast Subscriptions");
		assertThat(report.shows()).extracting(OpmlShow::title)
			.containsExactly("Interconnects", "Dwarkesh Podcast", "The TWIML AI Podcast");
		assertThat(report.refused()).isEmpty();
	}

	@Test
	void readsAudiobookshelfOutlinesWithTheirAppleDirectoryPages() throws Exception {
		var report = read("audiobookshelf.opml");

		assertThat(report.title()).isEqualTo("Audiobookshelf Podcast Subscriptions");
		assertThat(report.shows()).extracting(OpmlShow::title, OpmlShow::htmlUrl)
			.containsExactly(tuple("Interconnects", "https://podcasts.apple.com/us/podcast/interconnects/id1719552353"),
					tuple("The Cognitive Revolution",
							"https://podcasts.apple.com/us/podcast/the-cognitive-revolution/id1669813431"),
					tuple("Gradient Dissent", null));
	}

	@Test
	void refusesEachBadOutlineWithItsReasonAndKeepsTheRest() throws Exception {
		var report = read("refusals.opml");

		assertThat(report.shows()).extracting(OpmlShow::title, OpmlShow::feedUrl)
			.containsExactly(tuple("Kept", "https://feeds.example.org/kept.xml"),
					tuple("Itpc alias", "http://alias.example.org/rss"),
					tuple(null, "https://untitled.example.org/rss"));
		assertThat(report.refused()).extracting(OpmlRefusal::label, OpmlRefusal::reason)
			.containsExactly(tuple("Again, over http and with a slash", "the same feed as line 5 (Kept)"),
					tuple("A local file", "its scheme is file:; only http and https feeds are archived"),
					tuple("A script", "its scheme is javascript:; only http and https feeds are archived"),
					tuple("An FTP server", "its scheme is ftp:; only http and https feeds are archived"),
					tuple("Relative", "not an absolute address; a feed address starts with https:// or http://"),
					tuple("No address at all", "no feed address (xmlUrl)"),
					tuple("Blank address", "no feed address (xmlUrl)"),
					tuple("With a password",
							"the address carries a user name or password; a private feed is not archived, "
									+ "because the archive publishes every show's feed address"),
					tuple("Spaces inside", "the feed address contains spaces or control characters"),
					tuple("Feed alias of the kept one", "the same feed as line 5 (Kept)"));
		assertThat(report.summary()).isEqualTo("3 shows, 10 refused");
	}

	@Test
	void refusesADoctypeWithoutReadingTheEntityItPointsAt() {
		assertThatThrownBy(() -> read("doctype-xxe.opml")).isInstanceOf(OpmlException.class)
			.hasMessageStartingWith("the file declares a DOCTYPE")
			.message()
			.doesNotContain("root:");
	}

	@Test
	void refusesTheEntityExpansionBombAtItsDoctype() {
		assertThatThrownBy(() -> read("billion-laughs.opml")).isInstanceOf(OpmlException.class)
			.hasMessageStartingWith("the file declares a DOCTYPE");
	}

	@Test
	void refusesAFileLargerThanTheLimitWhole() {
		var reader = new OpmlReader(new OpmlLimits(64 * 1024, 100_000, 1_000, 16));
		var big = opml(outlines(2_000, 0));

		assertThat(big.length).isGreaterThan(64 * 1024);
		assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(big))).isInstanceOf(OpmlException.class)
			.hasMessage("the file is larger than 64 KB, the most an OPML file may be (archive.library.max-opml-size)");
	}

	@Test
	void readsAFileOfExactlyTheLimit() throws Exception {
		var body = opml(outlines(3, 0));
		var reader = new OpmlReader(new OpmlLimits(body.length, 100, 10, 4));

		assertThat(reader.read(new ByteArrayInputStream(body)).shows()).hasSize(3);
	}

	@Test
	void refusesMoreShowsThanOneImportMayAddWithoutTakingAny() {
		assertThatThrownBy(() -> this.reader.read(new ByteArrayInputStream(opml(outlines(1_001, 0)))))
			.isInstanceOf(OpmlException.class)
			.hasMessage("the file lists 1001 shows; at most 1000 are added from one file "
					+ "(archive.library.max-opml-shows): split it");
	}

	@Test
	void refusesThousandsOfOutlinesBeyondTheLimitEvenWhenNoneIsAShow() {
		var reader = new OpmlReader(new OpmlLimits(10 * 1024 * 1024, 5_000, 1_000, 16));
		var folders = "<outline text=\"folder\"/>".repeat(5_001);

		assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(opml(folders)))).isInstanceOf(OpmlException.class)
			.hasMessageStartingWith("the file has more than 5000 outlines");
	}

	@Test
	void refusesOutlinesNestedDeeperThanAnyApp() {
		var nested = "<outline text=\"f\">".repeat(17) + "</outline>".repeat(17);

		assertThatThrownBy(() -> this.reader.read(new ByteArrayInputStream(opml(nested))))
			.isInstanceOf(OpmlException.class)
			.hasMessage("outlines are nested more than 16 deep at line 1; podcast apps nest one or two folders");
	}

	@Test
	void refusesAFeedUploadedAsOpmlWithTheWayToAddIt() {
		assertThatThrownBy(() -> this.reader.read(resource("/feeds/interconnects-feed.xml")))
			.isInstanceOf(OpmlException.class)
			.hasMessage("this is a podcast feed, not an OPML file: add it with \"Add a show\"");
	}

	@Test
	void refusesWhatIsNotXmlWithTheLineOfTheError() {
		var html = "<html>\n<body><p>Sign in<br></body></html>".getBytes(StandardCharsets.UTF_8);
		var junk = new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 1 };

		assertThatThrownBy(() -> this.reader.read(new ByteArrayInputStream(html))).isInstanceOf(OpmlException.class)
			.hasMessage("not an OPML file: its root element is <html>");
		assertThatThrownBy(() -> this.reader.read(new ByteArrayInputStream(junk))).isInstanceOf(OpmlException.class)
			.hasMessageStartingWith("not well-formed XML at line 1: ");
		assertThatThrownBy(() -> this.reader.read(new ByteArrayInputStream(opml("<outline text=\"a\">"))))
			.isInstanceOf(OpmlException.class)
			.hasMessageStartingWith("not well-formed XML at line 1: ");
	}

	@Test
	void cleansNamesOfDirectionOverridesAndWhitespaceRunsAndBoundsThem() throws Exception {
		var name = "  Evil\u202Eshow&#10;&#9;  name " + "x".repeat(300);
		var xml = "<outline type=\"rss\" text=\"" + name + "\" xmlUrl=\"https://e.example/rss\"/>";

		var show = this.reader.read(new ByteArrayInputStream(opml(xml))).shows().get(0);

		assertThat(show.title()).startsWith("Evilshow name xxx").hasSize(200);
	}

	@Test
	void prefersTheTitleAttributeToTheTextAsSomeExportersPutADescriptionInText() throws Exception {
		var xml = "<outline type=\"rss\" text=\"A long description of the show\" title=\"The Show\" "
				+ "xmlUrl=\"https://e.example/rss\"/>";

		assertThat(this.reader.read(new ByteArrayInputStream(opml(xml))).shows()).extracting(OpmlShow::title)
			.containsExactly("The Show");
	}

	@Test
	void readsTheFeedAddressAttributeInAnyLetterCase() throws Exception {
		var xml = "<outline text=\"A\" xmlURL=\"https://a.example/rss\"/><outline text=\"B\" xmlurl=\"https://b.example/rss\"/>";

		assertThat(this.reader.read(new ByteArrayInputStream(opml(xml))).shows()).extracting(OpmlShow::feedUrl)
			.containsExactly("https://a.example/rss", "https://b.example/rss");
	}

	@Test
	void readsALatinOneFileAsItsDeclarationSays() throws Exception {
		var xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><opml version=\"1.0\"><body>"
				+ "<outline text=\"Caf\u00e9 Tech\" type=\"rss\" xmlUrl=\"https://cafe.example/rss\"/></body></opml>";

		var report = this.reader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.ISO_8859_1)));

		assertThat(report.shows()).extracting(OpmlShow::title).containsExactly("Caf\u00e9 Tech");
	}

	@Test
	void damagedFilesGiveAReportOrARefusalNeverAnotherError() throws Exception {
		var random = new java.util.Random(24);
		var originals = new java.util.ArrayList<byte[]>();
		for (var name : List.of("apple-podcasts.opml", "pocket-casts.opml", "antennapod.opml", "overcast.opml",
				"audiobookshelf.opml", "refusals.opml")) {
			try (var in = resource("/opml/" + name)) {
				originals.add(in.readAllBytes());
			}
		}
		for (int i = 0; i < 600; i++) {
			var bytes = originals.get(i % originals.size()).clone();
			if (i % 3 == 0) {
				bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
			}
			for (int flips = random.nextInt(8); flips > 0 && bytes.length > 0; flips--) {
				bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
			}
			try {
				var report = this.reader.read(new ByteArrayInputStream(bytes));
				assertThat(report.shows()).allSatisfy((show) -> assertThat(show.feedUrl()).startsWith("http"));
			}
			catch (OpmlException ex) {
				assertThat(ex.getMessage()).isNotBlank().doesNotContain("\n");
			}
		}
	}

	private OpmlReport read(String name) throws OpmlException, IOException {
		try (var in = resource("/opml/" + name)) {
			return this.reader.read(in);
		}
	}

	private static InputStream resource(String name) {
		return OpmlReaderTests.class.getResourceAsStream(name);
	}

	static byte[] opml(String body) {
		return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><opml version=\"2.0\"><head><title>t</title></head><body>"
				+ body + "</body></opml>")
			.getBytes(StandardCharsets.UTF_8);
	}

	static String outlines(int count, int offset) {
		var out = new StringBuilder();
		for (int i = offset; i < offset + count; i++) {
			out.append("<outline type=\"rss\" text=\"Show ")
				.append(i)
				.append("\" xmlUrl=\"https://feeds.example.org/show-")
				.append(i)
				.append(".xml\"/>\n");
		}
		return out.toString();
	}

}
