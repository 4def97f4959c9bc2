package ai.interconnects.archive.poll;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import ai.interconnects.archive.library.OpmlLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The library of shows beyond the configured one ({@code archive.library.*}).
 *
 * @param opml an OPML list of shows, a {@code file:} path or an http(s) URL, read at
 * start-up and at each poll cycle: each show it lists is added once, none is ever removed
 * or changed by it; empty for none
 * @param maxOpmlSize the largest OPML file read (a list or an upload); larger is refused
 * whole
 * @param maxOpmlOutlines outlines of any kind one OPML file may have
 * @param maxOpmlShows shows one OPML file may add
 */
@ConfigurationProperties("archive.library")
@Validated
public record LibraryProperties(String opml, @DefaultValue("10MB") DataSize maxOpmlSize,
		@DefaultValue("100000") @Min(1) int maxOpmlOutlines,
		@DefaultValue("1000") @Min(1) @Max(100000) int maxOpmlShows) {

	public LibraryProperties {
		if (opml != null && opml.isBlank()) {
			opml = null;
		}
		if (opml != null) {
			checkLocation(opml);
		}
		if (maxOpmlSize != null && (maxOpmlSize.toBytes() < 1024 || maxOpmlSize.toMegabytes() > 100)) {
			throw new IllegalArgumentException(
					"archive.library.max-opml-size must be between 1KB and 100MB, was " + maxOpmlSize);
		}
	}

	/** The reader's limits. */
	public OpmlLimits limits() {
		return new OpmlLimits(this.maxOpmlSize.toBytes(), this.maxOpmlOutlines, this.maxOpmlShows,
				OpmlLimits.DEFAULT.maxDepth());
	}

	/** Whether {@link #opml()} is a file rather than a URL. */
	boolean opmlIsFile() {
		return this.opml != null && this.opml.regionMatches(true, 0, "file:", 0, 5);
	}

	private static void checkLocation(String opml) {
		if (opml.regionMatches(true, 0, "file:", 0, 5)) {
			if (opml.substring(5).isBlank()) {
				throw new IllegalArgumentException("archive.library.opml (" + opml + ") names no file after file:");
			}
			return;
		}
		try {
			var uri = new URI(opml);
			var scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
				return;
			}
		}
		catch (URISyntaxException ex) {
			// named below
		}
		throw new IllegalArgumentException("archive.library.opml (" + opml
				+ ") must be a file: path (file:/srv/shows.opml, file:shows.opml) or an http(s) URL");
	}

}
