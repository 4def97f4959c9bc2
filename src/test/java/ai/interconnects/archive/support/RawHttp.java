package ai.interconnects.archive.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A request sent exactly as written, over a socket from a chosen loopback address (Linux
 * routes all of 127.0.0.0/8 to the loopback interface, so each test client can be its own
 * address): no client library normalises {@code /%6cogin} or adds anything but
 * {@code Connection: close}.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/** An answer: status, head (status line and headers) and body as text. */
	public record Response(int status, String head, String body) {

		public Optional<String> header(String name) {
			return RawHttp.header(this.head, name);
		}

	}

	/** The first value of header {@code name} in a response head. */
	public static Optional<String> header(String head, String name) {
		var matcher = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*?)\\s*$").matcher(head);
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	/** Sends {@code head} (request line and headers, each ending in CRLF) and no body. */
	public static Response send(int port, String from, String head) {
		return send(port, from, head, null);
	}

	/** Sends {@code head} and a form body, with its Content-Type and Content-Length. */
	public static Response send(int port, String from, String head, String form) {
		try (var socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
			socket.setSoTimeout(20_000);
			var request = new StringBuilder(head);
			var body = (form != null) ? form.getBytes(StandardCharsets.UTF_8) : new byte[0];
			if (form != null) {
				request.append("Content-Type: application/x-www-form-urlencoded\r\n")
					.append("Content-Length: ")
					.append(body.length)
					.append("\r\n");
			}
			request.append("Connection: close\r\n\r\n");
			var out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			var text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int split = text.indexOf("\r\n\r\n");
			var responseHead = (split >= 0) ? text.substring(0, split) : text;
			var responseBody = (split >= 0) ? text.substring(split + 4) : "";
			return new Response(Integer.parseInt(responseHead.substring(9, 12)), responseHead, responseBody);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
