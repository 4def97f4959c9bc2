package ai.interconnects.archive.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

/**
 * The pages' static assets under content-hashed URLs ({@code /css/archive-<md5>.css}),
 * read and hashed once at start-up and served from memory by {@link AssetController}.
 * <p>
 * Why not Spring's resource chain: its URL encoding runs for every link a template
 * writes, and with the static handler on {@code /**} each of a transcript's hundreds of
 * links probed the jar's classpath (a 200-paragraph page took a second to render). Here a
 * template asks for the few asset URLs by name
 * ({@code ${#assets.url('/css/archive.css')}}) and an ordinary link costs nothing. The
 * unhashed URLs still work (Boot's static handler, revalidated on every use) for anyone
 * who types them.
 */
@Component
public class Assets {

	/** Every file a page links to; each is hashed once. */
	static final List<String> FILES = List.of("/css/archive.css", "/js/archive.js", "/favicon.svg");

	private final Map<String, Asset> byPath = new LinkedHashMap<>();

	private final Map<String, Asset> byHashedPath = new LinkedHashMap<>();

	Assets() {
		for (var path : FILES) {
			var bytes = read(path);
			var hash = DigestUtils.md5DigestAsHex(bytes);
			var dot = path.lastIndexOf('.');
			var hashedPath = path.substring(0, dot) + "-" + hash + path.substring(dot);
			var asset = new Asset(hashedPath, hash, bytes,
					MediaTypeFactory.getMediaType(path).orElse(MediaType.APPLICATION_OCTET_STREAM));
			this.byPath.put(path, asset);
			this.byHashedPath.put(hashedPath, asset);
		}
	}

	/**
	 * The content-hashed URL of one of {@link #FILES}, e.g. {@code /css/archive.css} →
	 * {@code /css/archive-<md5>.css}.
	 * @throws IllegalArgumentException for a path that is not an asset (a template typo
	 * fails the page's tests rather than linking to nothing)
	 */
	public String url(String path) {
		var asset = this.byPath.get(path);
		if (asset == null) {
			throw new IllegalArgumentException("Not an asset: " + path + " (known: " + FILES + ")");
		}
		return asset.hashedPath();
	}

	/** Changes whenever an asset does. */
	String fingerprint() {
		var hashes = new StringBuilder();
		this.byPath.values().forEach((asset) -> hashes.append(asset.hash()));
		return DigestUtils.md5DigestAsHex(hashes.toString().getBytes(StandardCharsets.US_ASCII));
	}

	/** The asset at a content-hashed path, or null. */
	Asset atHashedPath(String path) {
		return this.byHashedPath.get(path);
	}

	private static byte[] read(String path) {
		try (var in = new ClassPathResource("static" + path).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Missing asset static" + path, ex);
		}
	}

	record Asset(String hashedPath, String hash, byte[] bytes, MediaType type) {

	}

}
