package ai.interconnects.archive.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Serves {@link Assets} at their content-hashed URLs, cached for a year: a changed file
 * gets a new URL, so a browser never keeps a stale copy. A hash that is not the current
 * one (a page from before a deploy) is a 404, as with Spring's version resolver.
 */
@Controller
class AssetController {

	private static final CacheControl FOR_A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final Assets assets;

	AssetController(Assets assets) {
		this.assets = assets;
	}

	@GetMapping({ "/css/{file:[a-z0-9_-]+-[0-9a-f]{32}\\.css}", "/js/{file:[a-z0-9_-]+-[0-9a-f]{32}\\.js}",
			"/{file:favicon-[0-9a-f]{32}\\.svg}" })
	ResponseEntity<byte[]> asset(HttpServletRequest request) {
		var asset = this.assets.atHashedPath(request.getRequestURI().substring(request.getContextPath().length()));
		if (asset == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return ResponseEntity.ok()
			.cacheControl(FOR_A_YEAR)
			.eTag(asset.hash())
			.contentType(asset.type())
			.body(asset.bytes());
	}

}
