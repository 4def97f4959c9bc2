package ai.interconnects.archive.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import ai.interconnects.archive.support.ArchiveTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that trickle a request body one byte at a time cannot take the request threads:
 * a body where no form is served is refused unread, a form must arrive within its
 * deadline, and one address has only so many requests in progress. Ten request threads
 * here, sixty trickling clients, and the home page still answers at once. Every step is
 * bounded in time.
 */
@ArchiveTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "archive.poll.enabled=false", "archive.admin.password=" + SlowBodyTests.PASSWORD,
				"server.tomcat.threads.max=10", "archive.clients.max-concurrent-requests=4",
				"archive.clients.form-read-deadline=3s" })
@Timeout(120)
class SlowBodyTests {

	static final String PASSWORD = "correct horse battery staple";

	private static final int CLIENTS = 30;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<Socket> sockets = new ArrayList<>();

	private final java.util.concurrent.ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

	@LocalServerPort
	int port;

	@AfterEach
	void stop() throws IOException {
		this.trickle.shutdownNow();
		for (var socket : this.sockets) {
			socket.close();
		}
	}

	@Test
	void sixtyTricklingBodiesLeaveTheHomePageAnswering() throws Exception {
		// rendered once before, so that only the attack can make it slow
		assertThat(home(Duration.ofSeconds(60)).statusCode()).isEqualTo(200);
		for (int i = 0; i < CLIENTS; i++) {
			this.sockets.add(startBody("127.0.0.70", "/"));
			this.sockets.add(startBody("127.0.0.71", "/admin/login"));
		}
		this.trickle.scheduleAtFixedRate(this::oneByteEach, 0, 500, TimeUnit.MILLISECONDS);
		Thread.sleep(1_000);

		// without the limits every request thread waits on a body for minutes
		assertThat(home(Duration.ofSeconds(10)).statusCode()).isEqualTo(200);

		// a body sent where no form is served: refused at once, unread
		assertThat(status(this.sockets.get(0))).isEqualTo(405);
		// a sign-in form: refused when it does not arrive in time, or at once beyond the
		// address's share of the threads
		var statuses = new ArrayList<Integer>();
		for (int i = 1; i < this.sockets.size(); i += 2) {
			statuses.add(status(this.sockets.get(i)));
		}
		assertThat(statuses).containsOnly(408, 503).contains(503);
	}

	private HttpResponse<String> home(Duration timeout) throws IOException, InterruptedException {
		return this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/")).timeout(timeout).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private Socket startBody(String from, String path) throws IOException {
		var socket = new Socket();
		socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
		socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 5_000);
		socket.setSoTimeout(15_000);
		socket.getOutputStream()
			.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nu")
				.getBytes(StandardCharsets.ISO_8859_1));
		socket.getOutputStream().flush();
		return socket;
	}

	private void oneByteEach() {
		for (var socket : this.sockets) {
			try {
				socket.getOutputStream().write('x');
				socket.getOutputStream().flush();
			}
			catch (IOException closed) {
				// refused and closed by the server, as it should be
			}
		}
	}

	/** The status line's code, read within the socket's timeout. */
	private static int status(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		var line = new StringBuilder();
		int c;
		while ((c = in.read()) != -1 && c != '\n') {
			line.append((char) c);
		}
		assertThat(line.toString()).startsWith("HTTP/1.1 ");
		return Integer.parseInt(line.substring(9, 12));
	}

}
