package ai.interconnects.archive.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionalGetTests {

	static final byte[] BODY = "a transcript line\n".repeat(500).getBytes(StandardCharsets.UTF_8);

	@Test
	void aClientAcceptingGzipGetsTheGzippedBytesUnderTheirOwnStrongEtag() throws IOException {
		var plain = respond(null, null);
		var gzipped = respond("gzip, deflate, br", null);

		assertThat(plain.getHeaders().getFirst("Content-Encoding")).isNull();
		assertThat(plain.getBody()).isEqualTo(BODY);
		assertThat(gzipped.getHeaders().getFirst("Content-Encoding")).isEqualTo("gzip");
		assertThat(new GZIPInputStream(new ByteArrayInputStream(gzipped.getBody())).readAllBytes()).isEqualTo(BODY);
		assertThat(gzipped.getHeaders().getETag()).isNotEqualTo(plain.getHeaders().getETag()).doesNotStartWith("W/");
		assertThat(gzipped.getHeaders().getVary()).contains("Accept-Encoding");
		assertThat(respond("gzip", gzipped.getHeaders().getETag()).getStatusCode().value()).isEqualTo(304);
	}

	@Test
	void eitherVariantsTagNamesTheSameContentAndThe304NamesTheVariantAClientWouldGet() {
		var plainTag = respond(null, null).getHeaders().getETag();
		var gzipTag = respond("gzip", null).getHeaders().getETag();

		var plainClientWithGzipCopy = respond(null, gzipTag);
		var gzipClientWithPlainCopy = respond("gzip", "W/" + plainTag);

		assertThat(plainClientWithGzipCopy.getStatusCode().value()).isEqualTo(304);
		assertThat(plainClientWithGzipCopy.getHeaders().getETag()).isEqualTo(plainTag);
		assertThat(gzipClientWithPlainCopy.getStatusCode().value()).isEqualTo(304);
		assertThat(gzipClientWithPlainCopy.getHeaders().getETag()).isEqualTo(gzipTag);
		assertThat(respond("gzip", "\"something-else\", " + gzipTag).getStatusCode().value()).isEqualTo(304);
		assertThat(respond("gzip", "\"something-else\"").getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void gzipRefusedWithQZeroIsNotUsed() {
		assertThat(ConditionalGet.acceptsGzip("gzip;q=0, identity")).isFalse();
		assertThat(ConditionalGet.acceptsGzip("gzip; q=0.000")).isFalse();
		assertThat(ConditionalGet.acceptsGzip("br, gzip;q=0.5")).isTrue();
		assertThat(ConditionalGet.acceptsGzip("identity")).isFalse();
	}

	private static org.springframework.http.ResponseEntity<byte[]> respond(String acceptEncoding, String ifNoneMatch) {
		var request = new MockHttpServletRequest("GET", "/feed.xml");
		if (acceptEncoding != null) {
			request.addHeader("Accept-Encoding", acceptEncoding);
		}
		if (ifNoneMatch != null) {
			request.addHeader("If-None-Match", ifNoneMatch);
		}
		return ConditionalGet.respond(new ServletWebRequest(request, new MockHttpServletResponse()),
				MediaType.TEXT_PLAIN, BODY, null);
	}

}
