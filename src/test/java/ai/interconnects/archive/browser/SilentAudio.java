package ai.interconnects.archive.browser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.regex.Pattern;

import ai.interconnects.archive.support.FeedServer;
import com.sun.net.httpserver.HttpExchange;

/**
 * A silent WAV generated at run time (8 kHz, 8-bit, mono: 8 kB a second, nothing to
 * commit), served with HTTP range support so that the browser can seek anywhere in it
 * without downloading the whole file first.
 */
final class SilentAudio {

	private static final int SAMPLE_RATE = 8000;

	private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

	private final byte[] wav;

	SilentAudio(int seconds) {
		int samples = SAMPLE_RATE * seconds;
		var buffer = ByteBuffer.allocate(44 + samples).order(ByteOrder.LITTLE_ENDIAN);
		buffer.put("RIFF".getBytes()).putInt(36 + samples).put("WAVE".getBytes());
		buffer.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1);
		buffer.putInt(SAMPLE_RATE).putInt(SAMPLE_RATE).putShort((short) 1).putShort((short) 8);
		buffer.put("data".getBytes()).putInt(samples);
		// unsigned 8-bit PCM: 128 is the zero line
		byte[] silence = new byte[samples];
		Arrays.fill(silence, (byte) 128);
		buffer.put(silence);
		this.wav = buffer.array();
	}

	void serve(HttpExchange exchange) throws IOException {
		int length = this.wav.length;
		exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
		exchange.getResponseHeaders().add("Content-Type", "audio/wav");
		var header = exchange.getRequestHeaders().getFirst("Range");
		var range = (header != null) ? RANGE.matcher(header.strip()) : null;
		if (range == null || !range.matches()) {
			FeedServer.send(exchange, 200, this.wav);
			return;
		}
		long start = Long.parseLong(range.group(1));
		long end = range.group(2).isEmpty() ? length - 1 : Math.min(Long.parseLong(range.group(2)), length - 1);
		if (start >= length || start > end) {
			FeedServer.send(exchange, 416, null, "Content-Range", "bytes */" + length);
			return;
		}
		FeedServer.send(exchange, 206, Arrays.copyOfRange(this.wav, (int) start, (int) end + 1), "Content-Range",
				"bytes " + start + "-" + end + "/" + length);
	}

}
