package ai.interconnects.archive.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Rendered pages, plain and gzip-compressed, by entity tag; least recently used pages go
 * first once the bytes exceed the budget. Entity tags contain the {@link ArchiveStamp},
 * so a page from before an ingest or re-parse is never found again; the whole cache is
 * dropped when the stamp moves on, to free the memory at once. Pages are also re-rendered
 * after a time to live, for what the stamp does not follow (search suggestions come from
 * a vocabulary refreshed up to a minute after the transcripts change).
 */
final class RenderedPages {

	private final long maxBytes;

	private final long timeToLiveNanos;

	private final Map<String, Page> pages = new LinkedHashMap<>(64, 0.75f, true);

	private long bytes;

	private ArchiveStamp.Stamp stamp;

	RenderedPages(long maxBytes, Duration timeToLive) {
		this.maxBytes = maxBytes;
		this.timeToLiveNanos = timeToLive.toNanos();
	}

	synchronized Page get(ArchiveStamp.Stamp current, String etag) {
		if (!current.equals(this.stamp)) {
			this.pages.clear();
			this.bytes = 0;
			this.stamp = current;
			return null;
		}
		var page = this.pages.get(etag);
		if (page != null && System.nanoTime() - page.renderedAt() > this.timeToLiveNanos) {
			this.pages.remove(etag);
			this.bytes -= page.size();
			return null;
		}
		return page;
	}

	synchronized void put(ArchiveStamp.Stamp current, String etag, Page page) {
		if (!current.equals(this.stamp) || page.size() > this.maxBytes / 4) {
			return;
		}
		var previous = this.pages.put(etag, page);
		this.bytes += page.size() - ((previous != null) ? previous.size() : 0);
		var oldest = this.pages.values().iterator();
		while (this.bytes > this.maxBytes && oldest.hasNext()) {
			this.bytes -= oldest.next().size();
			oldest.remove();
		}
	}

	synchronized int size() {
		return this.pages.size();
	}

	/**
	 * One page: its body, the same gzip-compressed, its content type and when it was
	 * rendered ({@link System#nanoTime()}).
	 */
	record Page(byte[] plain, byte[] gzip, String contentType, long renderedAt) {

		static Page of(byte[] plain, String contentType) {
			return new Page(plain, gzip(plain), contentType, System.nanoTime());
		}

		long size() {
			return this.plain.length + this.gzip.length;
		}

		private static byte[] gzip(byte[] plain) {
			var out = new ByteArrayOutputStream(plain.length / 4 + 64);
			// Compressed once per page, so the best ratio is affordable.
			try (var gzip = new GZIPOutputStream(out) {
				{
					this.def.setLevel(Deflater.BEST_COMPRESSION);
				}
			}) {
				gzip.write(plain);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return out.toByteArray();
		}

	}

}
