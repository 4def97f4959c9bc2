package ai.interconnects.archive.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The poll-cycle benchmark's feed hosts: one HTTP server on 127.0.0.1 per "host" (a port
 * each, so the archive's per-host limit sees them as different hosts), serving the
 * generated shows as their {@link LibraryFeeds.Behaviour} says, with ETags and 304s.
 * Counts, per host, the requests in flight and the most ever in flight at once: the
 * per-host limit as the servers saw it, not as the client believes it kept it.
 */
final class LoopbackFeedHosts implements AutoCloseable {

	private final List<HttpServer> servers = new ArrayList<>();

	private final ExecutorService executor = Executors.newFixedThreadPool(64, (runnable) -> {
		var thread = new Thread(runnable, "bench-feed-host");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicInteger[] inFlight;

	private final AtomicInteger[] mostInFlight;

	private final AtomicLong requests = new AtomicLong();

	private final Map<String, LibraryFeeds.Show> byPath = new ConcurrentHashMap<>();

	private final Map<String, byte[]> files = new ConcurrentHashMap<>();

	private final Duration slowDelay;

	LoopbackFeedHosts(int hosts, List<LibraryFeeds.Show> shows, Duration slowDelay) throws IOException {
		this.slowDelay = slowDelay;
		this.inFlight = new AtomicInteger[hosts];
		this.mostInFlight = new AtomicInteger[hosts];
		for (int h = 0; h < hosts; h++) {
			this.inFlight[h] = new AtomicInteger();
			this.mostInFlight[h] = new AtomicInteger();
			var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
			int host = h;
			server.createContext("/", (exchange) -> serve(host, exchange));
			server.setExecutor(this.executor);
			server.start();
			this.servers.add(server);
		}
		var base = new String[hosts];
		for (int h = 0; h < hosts; h++) {
			base[h] = "http://127.0.0.1:" + port(h);
		}
		for (var show : shows) {
			var body = new String(show.body(), StandardCharsets.UTF_8).replace("{{base}}", base[show.host()]);
			this.byPath.put(show.host() + show.path(), new LibraryFeeds.Show(show.number(), show.host(), show.path(),
					show.behaviour(), show.title(), body.getBytes(StandardCharsets.UTF_8), show.files()));
			for (var file : show.files()) {
				this.files.put(show.host() + file.path(), file.body());
			}
		}
	}

	int[] ports() {
		var ports = new int[this.servers.size()];
		for (int h = 0; h < ports.length; h++) {
			ports[h] = port(h);
		}
		return ports;
	}

	/** The most requests that were in flight at once, per host. */
	int[] mostInFlight() {
		var most = new int[this.mostInFlight.length];
		for (int h = 0; h < most.length; h++) {
			most[h] = this.mostInFlight[h].get();
		}
		return most;
	}

	long requests() {
		return this.requests.get();
	}

	private int port(int host) {
		return this.servers.get(host).getAddress().getPort();
	}

	private void serve(int host, HttpExchange exchange) throws IOException {
		this.requests.incrementAndGet();
		int now = this.inFlight[host].incrementAndGet();
		this.mostInFlight[host].accumulateAndGet(now, Math::max);
		try {
			var key = host + exchange.getRequestURI().getPath();
			var file = this.files.get(key);
			if (file != null) {
				send(exchange, 200, file, "application/json", null);
				return;
			}
			var show = this.byPath.get(key);
			if (show == null) {
				send(exchange, 404, "not found".getBytes(StandardCharsets.UTF_8), "text/plain", null);
				return;
			}
			switch (show.behaviour()) {
				case SLOW -> {
					sleep(this.slowDelay);
					feed(exchange, show);
				}
				case SERVER_ERROR -> send(exchange, 500, "boom".getBytes(StandardCharsets.UTF_8), "text/plain", null);
				case RESET -> exchange.close();
				case NOT_A_FEED ->
					send(exchange, 200, "<!DOCTYPE html><html><body><p>Sign in to listen</p></body></html>"
						.getBytes(StandardCharsets.UTF_8), "text/html", null);
				case GONE -> send(exchange, 410, new byte[0], "text/plain", null);
				default -> feed(exchange, show);
			}
		}
		finally {
			this.inFlight[host].decrementAndGet();
		}
	}

	private static void feed(HttpExchange exchange, LibraryFeeds.Show show) throws IOException {
		var etag = "\"" + sha(show.body()) + "\"";
		if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
			send(exchange, 304, null, null, etag);
			return;
		}
		send(exchange, 200, show.body(), "application/rss+xml; charset=UTF-8", etag);
	}

	private static void send(HttpExchange exchange, int status, byte[] body, String type, String etag)
			throws IOException {
		if (type != null) {
			exchange.getResponseHeaders().add("Content-Type", type);
		}
		if (etag != null) {
			exchange.getResponseHeaders().add("ETag", etag);
		}
		boolean empty = body == null || body.length == 0;
		exchange.sendResponseHeaders(status, empty ? -1 : body.length);
		if (!empty) {
			try (var out = exchange.getResponseBody()) {
				out.write(body);
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
		}
	}

	private static String sha(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 12);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
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
