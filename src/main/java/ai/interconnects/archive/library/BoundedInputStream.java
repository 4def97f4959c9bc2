package ai.interconnects.archive.library;

import java.io.IOException;
import java.io.InputStream;

/** Stops reading past the limit, remembering that it did. */
final class BoundedInputStream extends InputStream {

	private final InputStream in;

	private final long limit;

	private long read;

	private boolean exceeded;

	BoundedInputStream(InputStream in, long limit) {
		this.in = in;
		this.limit = limit;
	}

	boolean exceeded() {
		return this.exceeded;
	}

	@Override
	public int read() throws IOException {
		var one = new byte[1];
		int n = read(one, 0, 1);
		return (n < 0) ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (this.read >= this.limit) {
			// one byte past the limit tells a file of exactly the limit from a larger
			// one
			int probe = this.in.read();
			if (probe < 0) {
				return -1;
			}
			this.exceeded = true;
			throw new IOException("OPML file larger than " + this.limit + " bytes");
		}
		int n = this.in.read(buffer, offset, (int) Math.min(length, this.limit - this.read));
		if (n > 0) {
			this.read += n;
		}
		return n;
	}

}
