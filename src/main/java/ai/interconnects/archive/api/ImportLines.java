package ai.interconnects.archive.api;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * The lines of a backup, gzipped or plain (told by the gzip magic bytes), read as a
 * stream: one line at a time is held, and a line longer than the limit is skipped to its
 * end without being held. A damaged file (a gzip cut short, a corrupt block) throws
 * {@link IOException} at the point it goes wrong; the line it was in is never returned.
 */
final class ImportLines implements Closeable {

	/** One line's bytes (without its end), or {@code tooLong} with none. */
	record Raw(long number, byte[] bytes, boolean tooLong) {
	}

	private final InputStream in;

	private final long maxLineBytes;

	private long number;

	private ImportLines(InputStream in, long maxLineBytes) {
		this.in = in;
		this.maxLineBytes = maxLineBytes;
	}

	static ImportLines open(InputStream raw, long maxLineBytes) throws IOException {
		var buffered = new BufferedInputStream(raw, 64 * 1024);
		buffered.mark(2);
		int first = buffered.read();
		int second = buffered.read();
		buffered.reset();
		boolean gzip = first == 0x1f && second == 0x8b;
		InputStream in = gzip ? new BufferedInputStream(new GZIPInputStream(buffered, 64 * 1024), 64 * 1024) : buffered;
		return new ImportLines(in, maxLineBytes);
	}

	/** The next line, or null at the end of the file. */
	Raw next() throws IOException {
		var line = new ByteArrayOutputStream();
		boolean tooLong = false;
		int b = this.in.read();
		if (b < 0) {
			return null;
		}
		while (b >= 0 && b != '\n') {
			if (!tooLong && line.size() >= this.maxLineBytes) {
				tooLong = true;
				line = null;
			}
			if (!tooLong) {
				line.write(b);
			}
			b = this.in.read();
		}
		this.number++;
		return tooLong ? new Raw(this.number, null, true) : new Raw(this.number, line.toByteArray(), false);
	}

	/** The number of the last line returned. */
	long lastNumber() {
		return this.number;
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

}
