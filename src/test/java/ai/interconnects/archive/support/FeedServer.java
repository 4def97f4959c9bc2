package ai.interconnects.archive.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A feed server on 127.0.0.1 for tests: each path answers with whatever the test sets,
 * and every request is recorded with its headers.
 */
public final class FeedServer implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();

	private final List<Recorded> requests = new CopyOnWriteArrayList<>();

	/** A request as the server saw it. */
	public record Recorded(String path, Headers headers) {
	}

	private FeedServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newCachedThreadPool((runnable) -> {
			var thread = new Thread(runnable, "feed-server");
			thread.setDaemon(true);
			return thread;
		}));
		this.server.createContext("/", this::dispatch);
		this.server.start();
	}

	public static FeedServer start() {
		try {
			return new FeedServer();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + path);
	}

	public void handle(String path, HttpHandler handler) {
		this.handlers.put(path, handler);
	}

	/**
	 * Answers {@code path} with a status, a body and headers given as name, value pairs.
	 */
	public void respond(String path, int status, byte[] body, String... headers) {
		handle(path, (exchange) -> send(exchange, status, body, headers));
	}

	public void reset() {
		this.handlers.clear();
		this.requests.clear();
	}

	public List<Recorded> requests() {
		return List.copyOf(this.requests);
	}

	public static void send(HttpExchange exchange, int status, byte[] body, String... headers) throws IOException {
		for (int i = 0; i + 1 < headers.length; i += 2) {
			exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
		}
		boolean empty = body == null || body.length == 0 || status == 304;
		exchange.sendResponseHeaders(status, empty ? -1 : body.length);
		if (!empty) {
			try (var out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		exchange.close();
	}

	public static byte[] resource(String name) {
		try (InputStream in = FeedServer.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalArgumentException("No test resource " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void dispatch(HttpExchange exchange) throws IOException {
		this.requests.add(new Recorded(exchange.getRequestURI().getPath(), exchange.getRequestHeaders()));
		var handler = this.handlers.get(exchange.getRequestURI().getPath());
		if (handler == null) {
			send(exchange, 404, "not found".getBytes());
			return;
		}
		try {
			handler.handle(exchange);
		}
		catch (IOException | RuntimeException ex) {
			exchange.close();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
