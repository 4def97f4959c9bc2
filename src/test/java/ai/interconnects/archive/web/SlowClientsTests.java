package ai.interconnects.archive.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ai.interconnects.archive.support.ChildApp;
import ai.interconnects.archive.support.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application in its own small-heap JVM ({@code -Xmx128m}, exiting on
 * OutOfMemoryError as in production) keeps answering while 300 clients each send 100 KB
 * of headers and never finish their request. With the old 128 KB header limit each such
 * connection held its headers in the heap; with Tomcat's 8 KB they are refused and cost
 * nothing.
 */
class SlowClientsTests {

	private static final int CONNECTIONS = 300;

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final byte[] HEADER_LINE = ("X-Padding: " + "a".repeat(1_000) + "\r\n")
		.getBytes(StandardCharsets.US_ASCII);

	@Test
	void threeHundredHalfSentRequestsWithHugeHeadersDoNotTakeDownASmallHeap() throws Exception {
		var database = TestDatabase.get();
		int port = freePort();
		var log = Path.of("target", "slow-clients-app.log");
		var app = ChildApp.start(List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1"), log,
				"--server.port=" + port, "--server.address=127.0.0.1", "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--archive.poll.enabled=false",
				"--logging.level.root=WARN");
		var sockets = new ArrayList<Socket>();
		try {
			awaitUp(app, port, Duration.ofMinutes(4));

			for (int i = 0; i < CONNECTIONS; i++) {
				sockets.add(halfSentRequest(port));
			}

			assertThat(app.isAlive()).as("the app is running (see %s)", log).isTrue();
			assertThat(get(port, "/").statusCode()).isEqualTo(200);
			assertThat(app.isAlive()).isTrue();
		}
		finally {
			close(sockets);
			app.destroy();
			if (!app.waitFor(30, TimeUnit.SECONDS)) {
				app.destroyForcibly();
			}
		}
	}

	private static Socket halfSentRequest(int port) throws IOException {
		var socket = new Socket();
		socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
		var out = socket.getOutputStream();
		try {
			out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n").getBytes(StandardCharsets.US_ASCII));
			for (int line = 0; line < 100; line++) {
				out.write(HEADER_LINE);
			}
			out.flush();
		}
		catch (IOException refused) {
			// the server closed the connection at its header limit, as it should
		}
		return socket;
	}

	private static void awaitUp(Process app, int port, Duration timeout) throws InterruptedException {
		var deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			assertThat(app.isAlive()).as("the app started").isTrue();
			try {
				if (get(port, "/actuator/health/readiness").statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(1_000);
		}
		throw new AssertionError("The app did not start within " + timeout);
	}

	private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void close(List<Socket> sockets) {
		for (var socket : sockets) {
			try {
				socket.close();
			}
			catch (IOException ignored) {
				// closing anyway
			}
		}
	}

}
