package ai.interconnects.archive.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The poll-cycle benchmark's feed hosts: one HTTP server on 127.0.0.1 per "host" (a port
 * each; the archive's per-host limit keys a port as its own host), serving 200 feeds made
 * from the {@code feeds/library} fixtures (each fixture's items copied {@link #COPIES}
 * times with show-unique guids and titles (an episode's slug is unique across the
 * library, and two shows' same-titled episodes made their ingest fail: see
 * BENCHMARKS.md), its podcast:guid, self link and new-feed-url left out). Every show on
 * the Libsyn-like host answers after {@link #slowHostDelay}; every 20th show elsewhere
 * after {@link #slowShowDelay}; every 25th fails (in turn: 500, reset, an HTML page,
 * 410). Feeds carry an ETag and answer 304 to a matching If-None-Match. Counts, per host,
 * the requests in flight and the most ever in flight at once, as the servers saw them.
 */
final class PollFeedHosts implements AutoCloseable {

	static final String[] HOSTS = { "substack", "libsyn", "megaphone", "simplecast", "podlove" };

	static final int COPIES = 4;

	private static final String[] TEMPLATES = { "frontier-policy-substack.xml", "gradient-ascent-libsyn.xml",
			"compute-weekly-megaphone.xml", "model-context-simplecast.xml", "offene-gewichte-podlove.xml",
			"open-source-hour-p20.xml" };

	private static final Pattern ITEM = Pattern.compile("(?s)<item>(.*?)</item>");

	private static final Pattern DROPPED = Pattern.compile(
			"(?s)\\s*(<podcast:guid>.*?</podcast:guid>|<itunes:new-feed-url>.*?</itunes:new-feed-url>|<atom:link[^>]*rel=\"self\"[^>]*/>)");

	enum Behaviour {

		OK, SLOW, SERVER_ERROR, RESET, NOT_A_FEED, GONE

	}

	record Show(int number, int host, String path, Behaviour behaviour, byte[] body, String etag) {
	}

	final Duration slowHostDelay;

	final Duration slowShowDelay;

	private final List<HttpServer> servers = new ArrayList<>();

	private final ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
		var thread = new Thread(runnable, "bench-feed-host");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicInteger[] inFlight = new AtomicInteger[HOSTS.length];

	private final AtomicInteger[] mostInFlight = new AtomicInteger[HOSTS.length];

	private final AtomicInteger[] notModified = new AtomicInteger[HOSTS.length];

	private final AtomicInteger requests = new AtomicInteger();

	private final Map<String, Show> byKey = new ConcurrentHashMap<>();

	final List<Show> shows = new ArrayList<>();

	PollFeedHosts(int count, Duration slowHostDelay, Duration slowShowDelay) throws IOException {
		this.slowHostDelay = slowHostDelay;
		this.slowShowDelay = slowShowDelay;
		var templates = new String[TEMPLATES.length];
		for (int t = 0; t < templates.length; t++) {
			try (var in = PollFeedHosts.class.getResourceAsStream("/feeds/library/" + TEMPLATES[t])) {
				templates[t] = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		for (int h = 0; h < HOSTS.length; h++) {
			this.inFlight[h] = new AtomicInteger();
			this.mostInFlight[h] = new AtomicInteger();
			this.notModified[h] = new AtomicInteger();
			var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
			int host = h;
			server.createContext("/", (exchange) -> serve(host, exchange));
			server.setExecutor(this.executor);
			server.start();
			this.servers.add(server);
		}
		var failures = new Behaviour[] { Behaviour.SERVER_ERROR, Behaviour.RESET, Behaviour.NOT_A_FEED,
				Behaviour.GONE };
		int failed = 0;
		for (int n = 1; n <= count; n++) {
			int host = n % HOSTS.length;
			var behaviour = (n % 25 == 0) ? failures[failed++ % failures.length]
					: (host == 1 || n % 20 == 0) ? Behaviour.SLOW : Behaviour.OK;
			int template = (host == 4 && n % 2 == 0) ? 5 : host;
			var body = feed(templates[template], n).getBytes(StandardCharsets.UTF_8);
			var show = new Show(n, host, "/feeds/" + n + ".xml", behaviour, body,
					"\"bench-" + n + "-" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"");
			this.shows.add(show);
			this.byKey.put(host + show.path(), show);
		}
	}

	/** A fixture made into show {@code n}'s feed. */
	private static String feed(String template, int n) {
		var text = DROPPED.matcher(template).replaceAll("");
		text = text.replaceFirst("<title>", Matcher.quoteReplacement("<title>Bench " + n + " "));
		var items = ITEM.matcher(text);
		var out = new StringBuilder();
		int end = 0;
		boolean first = true;
		while (items.find()) {
			out.append(text, end, items.start());
			if (first) {
				for (int c = 0; c < COPIES; c++) {
					var copyItems = ITEM.matcher(text);
					while (copyItems.find()) {
						var item = copyItems.group(1)
							.replaceFirst("(<guid[^>]*>)(<!\\[CDATA\\[)?", "$1$2bench-" + n + "-" + c + "-")
							.replaceFirst("<title>(<!\\[CDATA\\[)?", "<title>$1Bench " + n + " part " + (c + 1) + ": ");
						out.append("<item>").append(item).append("</item>\n");
					}
				}
				first = false;
			}
			end = items.end();
		}
		return out.append(text, end, text.length()).toString();
	}

	String url(Show show) {
		return "http://127.0.0.1:" + this.servers.get(show.host()).getAddress().getPort() + show.path();
	}

	int port(int host) {
		return this.servers.get(host).getAddress().getPort();
	}

	byte[] opml() {
		var out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n"
				+ "<head><title>Benchmark library</title></head>\n<body>\n");
		for (var show : this.shows) {
			out.append("<outline type=\"rss\" text=\"Bench ")
				.append(show.number())
				.append("\" xmlUrl=\"")
				.append(url(show))
				.append("\"/>\n");
		}
		return out.append("</body>\n</opml>\n").toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The most requests in flight at once per host since the last reset, and 304s. */
	int[] mostInFlight() {
		var most = new int[HOSTS.length];
		for (int h = 0; h < most.length; h++) {
			most[h] = this.mostInFlight[h].get();
		}
		return most;
	}

	int notModified() {
		int sum = 0;
		for (var count : this.notModified) {
			sum += count.get();
		}
		return sum;
	}

	int requests() {
		return this.requests.get();
	}

	void reset() {
		for (int h = 0; h < HOSTS.length; h++) {
			this.mostInFlight[h].set(0);
			this.notModified[h].set(0);
		}
		this.requests.set(0);
	}

	private void serve(int host, HttpExchange exchange) throws IOException {
		this.requests.incrementAndGet();
		int now = this.inFlight[host].incrementAndGet();
		this.mostInFlight[host].accumulateAndGet(now, Math::max);
		try {
			var show = this.byKey.get(host + exchange.getRequestURI().getPath());
			if (show == null) {
				send(exchange, 404, "not found", "text/plain", null);
				return;
			}
			switch (show.behaviour()) {
				case SLOW -> {
					sleep((host == 1) ? this.slowHostDelay : this.slowShowDelay);
					feed(host, exchange, show);
				}
				case SERVER_ERROR -> send(exchange, 500, "boom", "text/plain", null);
				case RESET -> exchange.close();
				case NOT_A_FEED -> send(exchange, 200,
						"<!DOCTYPE html><html><body><p>Sign in to listen</p></body></html>", "text/html", null);
				case GONE -> send(exchange, 410, "", "text/plain", null);
				default -> feed(host, exchange, show);
			}
		}
		finally {
			this.inFlight[host].decrementAndGet();
		}
	}

	private void feed(int host, HttpExchange exchange, Show show) throws IOException {
		if (show.etag().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
			this.notModified[host].incrementAndGet();
			exchange.getResponseHeaders().add("ETag", show.etag());
			exchange.sendResponseHeaders(304, -1);
			exchange.close();
			return;
		}
		exchange.getResponseHeaders().add("ETag", show.etag());
		exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=UTF-8");
		exchange.sendResponseHeaders(200, show.body().length);
		try (var out = exchange.getResponseBody()) {
			out.write(show.body());
		}
		exchange.close();
	}

	private static void send(HttpExchange exchange, int status, String body, String type, String etag)
			throws IOException {
		var bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", type);
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		if (bytes.length > 0) {
			try (var out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		exchange.close();
	}

	private static void sleep(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UncheckedIOException(new IOException("interrupted"));
		}
	}

	@Override
	public void close() {
		for (var server : this.servers) {
			server.stop(0);
		}
		this.executor.shutdownNow();
	}

}
