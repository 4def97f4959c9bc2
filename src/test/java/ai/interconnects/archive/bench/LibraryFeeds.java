package ai.interconnects.archive.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The 200 feeds of the poll-cycle benchmark, in real feeds' shapes: most shows without
 * transcripts (notes and chapter lines only, as Libsyn and Megaphone shows publish), one
 * in five with the transcript in the description (Substack), one in ten linking a
 * Podcasting 2.0 JSON transcript file. Each show has {@code episodes} items; what a show
 * does when fetched (answer, answer slowly, fail in one of several ways) is its
 * {@link Behaviour}, spread over the shows by a fixed rule so every run is the same.
 */
final class LibraryFeeds {

	private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	private static final String[] GUESTS = { "Dean Ball", "Nathan Lambert", "Ada Mensah", "Sam Ortega", "Miriam Okafor",
			"Priya Raman", "Hannah Weiss", "Jonas Keller" };

	private static final String[] FIRST_NAMES = { "Ines", "Tomas", "Amara", "Kenji", "Lucia", "Omar", "Freya", "Mateo",
			"Nadia", "Rafael", "Sofia", "Viktor", "Yara", "Elias", "Greta", "Hugo", "Leila", "Marek", "Noor", "Pavel" };

	private static final String[] LAST_NAMES = { "Varga", "Lindqvist", "Osei", "Tanaka", "Moreau", "Haddad", "Novak",
			"Silva", "Kowalski", "Brennan", "Ivanova", "Castillo" };

	/** How a show's server answers. */
	enum Behaviour {

		/** 200 with the feed, ETag and 304 on a match. */
		OK,
		/** The same, after a delay of a few seconds. */
		SLOW,
		/** 500 Internal Server Error. */
		SERVER_ERROR,
		/** The connection closed without an answer. */
		RESET,
		/** 200 with an HTML page. */
		NOT_A_FEED,
		/** 410 Gone. */
		GONE

	}

	/** One generated show: where it is served, how, and its bytes. */
	record Show(int number, int host, String path, Behaviour behaviour, String title, byte[] body,
			List<TranscriptFile> files) {
	}

	/** A transcript file a show links, served beside its feed. */
	record TranscriptFile(String path, byte[] body) {
	}

	private LibraryFeeds() {
	}

	/**
	 * Generates {@code count} shows over {@code hosts} hosts: every 20th is slow, every
	 * 25th fails (in turn: 500, reset, not a feed, gone).
	 */
	static List<Show> generate(WordSampler words, int count, int hosts, int episodes, int segmentsPerTranscript) {
		var shows = new ArrayList<Show>();
		var failures = new Behaviour[] { Behaviour.SERVER_ERROR, Behaviour.RESET, Behaviour.NOT_A_FEED,
				Behaviour.GONE };
		int failed = 0;
		for (int n = 1; n <= count; n++) {
			var behaviour = (n % 25 == 0) ? failures[failed++ % failures.length]
					: (n % 20 == 0) ? Behaviour.SLOW : Behaviour.OK;
			var title = "Bench Show " + n + ": " + capitalize(words.text(3));
			var files = new ArrayList<TranscriptFile>();
			var path = "/feeds/" + n + ".xml";
			var body = feed(words, n, title, episodes, segmentsPerTranscript, files);
			shows.add(new Show(n, n % hosts, path, behaviour, title, body, files));
		}
		return shows;
	}

	/** An OPML file of the shows, with their addresses on the given ports. */
	static byte[] opml(List<Show> shows, int[] ports) {
		var out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n"
				+ "<head><title>Benchmark library</title></head>\n<body>\n<outline text=\"feeds\">\n");
		for (var show : shows) {
			out.append("<outline type=\"rss\" text=\"")
				.append(xml(show.title()))
				.append("\" xmlUrl=\"http://127.0.0.1:")
				.append(ports[show.host()])
				.append(show.path())
				.append("\"/>\n");
		}
		return out.append("</outline>\n</body>\n</opml>\n").toString().getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] feed(WordSampler words, int n, String title, int episodes, int segments,
			List<TranscriptFile> files) {
		boolean descriptionTranscripts = n % 5 == 1;
		boolean fileTranscripts = n % 10 == 3;
		var host = hostName(n);
		var out = new StringBuilder(4096);
		out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" ")
			.append("xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" ")
			.append("xmlns:podcast=\"https://podcastindex.org/namespace/1.0\">\n<channel>\n<title>")
			.append(xml(title))
			.append("</title>\n<link>https://show-")
			.append(n)
			.append(".bench.example/</link>\n<description>")
			.append(xml(words.text(30)))
			.append("</description>\n<itunes:author>")
			.append(xml(host))
			.append("</itunes:author>\n<itunes:image href=\"https://show-")
			.append(n)
			.append(".bench.example/cover.jpg\"/>\n");
		var start = Instant.parse("2024-01-01T10:00:00Z").plus(n, ChronoUnit.HOURS);
		for (int e = episodes; e >= 1; e--) {
			var published = start.plus((long) e * 7, ChronoUnit.DAYS);
			var guest = GUESTS[(n + e) % GUESTS.length];
			out.append("<item>\n<title>")
				.append(xml(capitalize(words.text(4 + words.nextInt(6)))))
				.append(" with ")
				.append(guest)
				.append("</title>\n<guid isPermaLink=\"false\">bench-")
				.append(n)
				.append('-')
				.append(e)
				.append("</guid>\n<pubDate>")
				.append(RFC_822.format(published))
				.append("</pubDate>\n<enclosure url=\"https://media.bench.example/")
				.append(n)
				.append('/')
				.append(e)
				.append(".mp3\" type=\"audio/mpeg\" length=\"30000000\"/>\n<itunes:duration>")
				.append(1800 + words.nextInt(3600))
				.append("</itunes:duration>\n<description><![CDATA[<p>")
				.append(words.text(40 + words.nextInt(40)))
				.append("</p>\n<h3>Chapters</h3>\n");
			for (int c = 0; c < 5; c++) {
				out.append("<p>").append(clock(c * 600)).append(' ').append(capitalize(words.text(4))).append("</p>\n");
			}
			if (descriptionTranscripts) {
				out.append("<h3>Transcript</h3>\n");
				int seconds = 0;
				for (int s = 0; s < segments; s++) {
					var speaker = (s % 2 == 0) ? host : guest;
					out.append("<p>")
						.append(clock(seconds))
						.append(' ')
						.append(speaker)
						.append(": ")
						.append(words.text(10 + words.nextInt(41)))
						.append("</p>\n");
					seconds += 5 + words.nextInt(20);
				}
			}
			out.append("]]></description>\n");
			if (fileTranscripts) {
				var path = "/files/" + n + "-" + e + ".json";
				files.add(new TranscriptFile(path, jsonTranscript(words, host, guest, segments)));
				out.append("<podcast:transcript url=\"{{base}}")
					.append(path)
					.append("\" type=\"application/json\"/>\n");
				out.append("<podcast:person role=\"guest\">").append(guest).append("</podcast:person>\n");
			}
			out.append("</item>\n");
		}
		out.append("</channel>\n</rss>\n");
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] jsonTranscript(WordSampler words, String host, String guest, int segments) {
		var out = new StringBuilder("{\"version\":\"1.0.0\",\"segments\":[");
		double at = 0;
		for (int s = 0; s < segments; s++) {
			double length = 5 + words.nextInt(20);
			if (s > 0) {
				out.append(',');
			}
			out.append("{\"speaker\":\"")
				.append((s % 2 == 0) ? host : guest)
				.append("\",\"startTime\":")
				.append(at)
				.append(",\"endTime\":")
				.append(at + length)
				.append(",\"body\":\"")
				.append(words.text(10 + words.nextInt(41)).replace("\\", "\\\\").replace("\"", "\\\""))
				.append("\"}");
			at += length;
		}
		return out.append("]}").toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A host's name in the form transcripts label speakers ("Ines Varga"), one per show.
	 */
	static String hostName(int show) {
		return FIRST_NAMES[show % FIRST_NAMES.length] + " "
				+ LAST_NAMES[(show / FIRST_NAMES.length) % LAST_NAMES.length];
	}

	private static String clock(int seconds) {
		return String.format("%02d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
	}

	private static String capitalize(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static String xml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
