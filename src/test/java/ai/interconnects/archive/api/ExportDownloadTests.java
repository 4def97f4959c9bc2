package ai.interconnects.archive.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

import ai.interconnects.archive.support.RawClientTestSupport;
import ai.interconnects.archive.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export reaches a slow client whole: one that stops reading for several times the
 * connection timeout (as {@code curl --limit-rate} does between bursts) still gets every
 * byte, a client that gives up is logged, and {@code HEAD} exports nothing. The archive
 * is made larger than the socket buffers, so that the server really has to wait.
 */
@ExtendWith(OutputCaptureExtension.class)
@Timeout(300)
class ExportDownloadTests extends RawClientTestSupport {

	@Test
	void aClientThatPausesLongerThanTheConnectionTimeoutGetsTheWholeExport(CapturedOutput output) throws Exception {
		ingestLargeArchive();
		try (var socket = download("127.0.0.80")) {
			var in = socket.getInputStream();
			var head = head(in);
			long length = Long.parseLong(RawHttp.header(head, "Content-Length").orElseThrow());
			assertThat(length).isGreaterThan(6_000_000);
			var body = new ByteArrayOutputStream();
			body.write(in.readNBytes(100_000));
			// four times the connection timeout without reading a byte
			Thread.sleep(4_000);
			in.transferTo(body);

			assertThat((long) body.size()).isEqualTo(length);
			// the show's line, then the eleven episodes'
			assertThat(lines(body.toByteArray())).isEqualTo(12);
		}
		assertThat(output.getAll()).contains("Exported 11 episodes");
	}

	@Test
	void anExportTheClientAbandonsIsLogged(CapturedOutput output) throws Exception {
		ingestLargeArchive();
		try (var socket = download("127.0.0.81")) {
			var in = socket.getInputStream();
			head(in);
			in.readNBytes(50_000);
		}
		long until = System.nanoTime() + 60_000_000_000L;
		while (!output.getAll().contains("was cut short") && System.nanoTime() < until) {
			Thread.sleep(200);
		}
		assertThat(output.getAll()).contains("An export to 127.0.0.81 was cut short after");
	}

	@Test
	void headAnswersTheHeadersWithoutExporting(CapturedOutput output) {
		ingestFixture();
		int before = output.getAll().length();
		var head = RawHttp.send(this.port, "127.0.0.82", "HEAD /export.jsonl.gz HTTP/1.1\r\nHost: 127.0.0.1\r\n");
		assertThat(head.status()).isEqualTo(200);
		assertThat(head.header("Content-Type")).hasValue("application/gzip");
		assertThat(head.header("Content-Disposition")).isPresent();
		assertThat(head.body()).isEmpty();
		assertThat(output.getAll().substring(before)).doesNotContain("Exported");
	}

	/** The fixture, with 800 KB of incompressible text added to each episode. */
	private void ingestLargeArchive() {
		ingestFixture();
		var random = new SecureRandom();
		for (var id : this.jdbc.sql("select id from episode").query(Long.class).list()) {
			var noise = new byte[600_000];
			random.nextBytes(noise);
			this.jdbc.sql("update episode set raw_description = raw_description || :noise where id = :id")
				.param("noise", Base64.getEncoder().encodeToString(noise))
				.param("id", id)
				.update();
		}
	}

	private Socket download(String from) throws IOException {
		var socket = new Socket();
		// a small window: the server's writes wait for this client's reads
		socket.setReceiveBufferSize(8 * 1024);
		socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
		socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 5_000);
		socket.setSoTimeout(120_000);
		socket.getOutputStream()
			.write("GET /export.jsonl.gz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
				.getBytes(StandardCharsets.ISO_8859_1));
		socket.getOutputStream().flush();
		return socket;
	}

	/** Reads the response head, up to and without the blank line. */
	private static String head(InputStream in) throws IOException {
		var head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int c = in.read();
			if (c < 0) {
				throw new IOException("No response head: " + head);
			}
			head.append((char) c);
		}
		assertThat(head.toString()).startsWith("HTTP/1.1 200");
		return head.toString();
	}

	private static long lines(byte[] gzip) throws IOException {
		try (var reader = new BufferedReader(
				new InputStreamReader(new GZIPInputStream(new ByteArrayInputStream(gzip)), StandardCharsets.UTF_8))) {
			return reader.lines().count();
		}
	}

}
