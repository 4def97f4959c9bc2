package ai.interconnects.archive.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * <p>
 * The script is ES modules without a build step: {@code archive.js} imports its siblings
 * ({@code import { x } from './player.js';}). Each module is served with its imports
 * rewritten to the siblings' hashed names and is hashed after that rewrite, so a module's
 * URL changes whenever any module it imports, however indirectly, changes: a cached
 * module never imports a stale one, and every module is cached for a year like the rest.
 * No import map is needed, so the Content-Security-Policy stays {@code script-src 'self'}
 * without hashes.
 */
@Component
public class Assets {

	/** Every file a page links to; each is hashed once, a script with its imports. */
	static final List<String> FILES = List.of("/css/archive.css", "/js/archive.js", "/favicon.svg");

	/**
	 * A static import or re-export at the start of a line and its module specifier:
	 * {@code import { a, b } from './x.js'}, {@code export … from './x.js'},
	 * {@code import './x.js'}. (Dynamic {@code import()} is not used.)
	 */
	private static final Pattern IMPORT = Pattern
		.compile("(?m)^(\\s*(?:import|export)\\b[^;'\"]*?\\bfrom\\s*|\\s*import\\s*)(['\"])([^'\"\\n]+)\\2");

	/**
	 * The only specifiers a module may use: a sibling module, as the browser resolves it.
	 */
	private static final Pattern SIBLING = Pattern.compile("\\./([a-z0-9_-]+\\.js)");

	private final Map<String, Asset> byPath = new LinkedHashMap<>();

	private final Map<String, Asset> byHashedPath = new LinkedHashMap<>();

	/** Each script module's imports, transitively, in the order a browser meets them. */
	private final Map<String, List<String>> imports = new LinkedHashMap<>();

	private final String root;

	Assets() {
		this("static", FILES);
	}

	/** The {@code files} under the classpath folder {@code root}. */
	Assets(String root, List<String> files) {
		this.root = root;
		for (var path : files) {
			add(path, new LinkedHashSet<>());
		}
	}

	private Asset add(String path, Set<String> importing) {
		var known = this.byPath.get(path);
		if (known != null) {
			return known;
		}
		if (!importing.add(path)) {
			throw new IllegalStateException("Script modules import each other in a cycle: " + importing + " → " + path);
		}
		var bytes = path.endsWith(".js") ? module(path, importing) : read(path);
		importing.remove(path);
		var hash = DigestUtils.md5DigestAsHex(bytes);
		var dot = path.lastIndexOf('.');
		var hashedPath = path.substring(0, dot) + "-" + hash + path.substring(dot);
		var asset = new Asset(hashedPath, hash, bytes,
				MediaTypeFactory.getMediaType(path).orElse(MediaType.APPLICATION_OCTET_STREAM));
		this.byPath.put(path, asset);
		this.byHashedPath.put(hashedPath, asset);
		return asset;
	}

	/** A script module with its imports rewritten to their hashed names. */
	private byte[] module(String path, Set<String> importing) {
		var source = new String(read(path), StandardCharsets.UTF_8);
		var folder = path.substring(0, path.lastIndexOf('/') + 1);
		var dependencies = new LinkedHashSet<String>();
		var matcher = IMPORT.matcher(source);
		var rewritten = new StringBuilder(source.length());
		while (matcher.find()) {
			var sibling = SIBLING.matcher(matcher.group(3));
			if (!sibling.matches()) {
				throw new IllegalStateException("Script module " + path + " imports '" + matcher.group(3)
						+ "': only sibling modules ('./name.js') can be served under hashed names");
			}
			var dependency = folder + sibling.group(1);
			var hashed = add(dependency, importing).hashedPath();
			dependencies.add(dependency);
			dependencies.addAll(this.imports.get(dependency));
			matcher.appendReplacement(rewritten, Matcher.quoteReplacement(
					matcher.group(1) + matcher.group(2) + "./" + hashed.substring(folder.length()) + matcher.group(2)));
		}
		matcher.appendTail(rewritten);
		this.imports.put(path, List.copyOf(dependencies));
		return rewritten.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The content-hashed URL of one of {@link #FILES}, e.g. {@code /css/archive.css} →
	 * {@code /css/archive-<md5>.css}.
	 * @throws IllegalArgumentException for a path that is not an asset (a template typo
	 * fails the page's tests rather than linking to nothing)
	 */
	public String url(String path) {
		return known(path).hashedPath();
	}

	/**
	 * The hashed URLs of every module a script imports, however indirectly: the page
	 * names them as {@code modulepreload} so that the browser fetches them at once rather
	 * than one level of imports at a time.
	 */
	public List<String> imports(String path) {
		known(path);
		var urls = new ArrayList<String>();
		this.imports.getOrDefault(path, List.of()).forEach((module) -> urls.add(url(module)));
		return urls;
	}

	private Asset known(String path) {
		var asset = this.byPath.get(path);
		if (asset == null) {
			throw new IllegalArgumentException("Not an asset: " + path + " (known: " + this.byPath.keySet() + ")");
		}
		return asset;
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

	private byte[] read(String path) {
		try (var in = new ClassPathResource(this.root + path).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Missing asset " + this.root + path, ex);
		}
	}

	record Asset(String hashedPath, String hash, byte[] bytes, MediaType type) {

	}

}
