package ai.interconnects.archive.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Part;
import org.apache.tomcat.util.http.fileupload.FileItemHeaders;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.UploadContext;

/**
 * The parts of a {@code multipart/form-data} body that {@link RequestBodyValve} has read
 * into memory: Tomcat's own parser run over those bytes, since the request's stream is
 * spent. Form fields also become parameters (the caller adds them), so a CSRF token sent
 * in the body is seen like one in a plain form.
 */
final class MemoryParts {

	/** A form may hold a file and a few fields; no more parts than this are read. */
	private static final int MAX_PARTS = 16;

	private MemoryParts() {
	}

	static List<Part> parse(byte[] body, String contentType, Charset charset) throws IOException {
		var upload = new FileUpload();
		upload.setFileCountMax(MAX_PARTS);
		upload.setPartHeaderSizeMax(4096);
		var context = new UploadContext() {

			@Override
			public long contentLength() {
				return body.length;
			}

			@Override
			public String getCharacterEncoding() {
				return charset.name();
			}

			@Override
			public String getContentType() {
				return contentType;
			}

			@Override
			public InputStream getInputStream() {
				return new ByteArrayInputStream(body);
			}

		};
		var parts = new ArrayList<Part>();
		try {
			var items = upload.getItemIterator(context);
			while (items.hasNext()) {
				var item = items.next();
				try (var in = item.openStream()) {
					parts.add(new MemoryPart(item.getFieldName(), item.isFormField() ? null : item.getName(),
							item.getContentType(), item.getHeaders(), in.readAllBytes()));
				}
			}
		}
		catch (FileUploadException ex) {
			throw new IOException("The multipart form could not be read: " + ex.getMessage(), ex);
		}
		return parts;
	}

	/** The plain fields among {@code parts}, as parameters. */
	static void addFields(Collection<Part> parts, Charset charset, Map<String, List<String>> into) {
		for (var part : parts) {
			if (part.getSubmittedFileName() == null && part instanceof MemoryPart memory) {
				into.computeIfAbsent(part.getName(), (name) -> new ArrayList<>())
					.add(new String(memory.bytes, charset));
			}
		}
	}

	private record MemoryPart(String name, String fileName, String contentType, FileItemHeaders headers,
			byte[] bytes) implements Part {

		@Override
		public InputStream getInputStream() {
			return new ByteArrayInputStream(this.bytes);
		}

		@Override
		public String getContentType() {
			return this.contentType;
		}

		@Override
		public String getName() {
			return this.name;
		}

		@Override
		public String getSubmittedFileName() {
			return this.fileName;
		}

		@Override
		public long getSize() {
			return this.bytes.length;
		}

		@Override
		public void write(String fileName) throws IOException {
			// the application reads parts from memory; nothing is written to disk
			throw new IOException("Parts of a form read into memory are not written to files");
		}

		@Override
		public void delete() {
		}

		@Override
		public String getHeader(String header) {
			return (this.headers != null) ? this.headers.getHeader(header) : null;
		}

		@Override
		public Collection<String> getHeaders(String header) {
			var values = new ArrayList<String>();
			if (this.headers != null) {
				this.headers.getHeaders(header).forEachRemaining(values::add);
			}
			return values;
		}

		@Override
		public Collection<String> getHeaderNames() {
			var names = new ArrayList<String>();
			if (this.headers != null) {
				this.headers.getHeaderNames().forEachRemaining(names::add);
			}
			return Collections.unmodifiableList(names);
		}

	}

}
