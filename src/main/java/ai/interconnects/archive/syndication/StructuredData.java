package ai.interconnects.archive.syndication;

import ai.interconnects.archive.web.EpisodePaths;

import java.util.ArrayList;

import ai.interconnects.archive.episode.EpisodeCatalog;

import ai.interconnects.archive.show.Shows;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.interconnects.archive.web.PublicUrl;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Schema.org JSON-LD for the pages' {@code <script type="application/ld+json">} blocks
 * (template {@code fragments/syndication.html}, read into the model by
 * {@link StructuredDataAdvice}): a {@code PodcastEpisode} on the episode pages, a
 * {@code PodcastSeries} on the archive. Also the show's artwork, for {@code og:image} on
 * pages without an image of their own.
 * <p>
 * The JSON goes into the page unescaped, so {@link #script} escapes {@code <}, {@code >}
 * and {@code &} as JSON unicode escapes: a title containing {@code </script>} stays
 * inside its string. Data blocks are not executed, so the Content-Security-Policy (no
 * inline script) does not apply to them.
 */
@Component
class StructuredData {

	private final EpisodeCatalog catalog;

	private final Shows shows;

	private final JsonMapper json;

	private final PublicUrl publicUrl;

	StructuredData(EpisodeCatalog catalog, JsonMapper json, PublicUrl publicUrl, Shows shows) {
		this.shows = shows;
		this.publicUrl = publicUrl;
		this.catalog = catalog;
		this.json = json;
	}

	/**
	 * The {@code PodcastEpisode} of the episode {@code slug}, or null if there is none;
	 * with {@code withTranscript} the whole transcript text as its audio's
	 * {@code transcript}: only on the transcript page, since structured data should
	 * describe what the page shows (and the episode page stays light).
	 */
	String episode(String slug, boolean withTranscript, Shows.Show show) {
		return episode(slug, withTranscript, show, false);
	}

	/**
	 * In a library ({@code library}) the episode's URL and {@code partOfSeries} are its
	 * show's, under {@code /shows/{show}}.
	 */
	String episode(String slug, boolean withTranscript, Shows.Show show, boolean library) {
		var found = this.catalog.bySlug(slug);
		if (found.isEmpty()) {
			return null;
		}
		var item = found.get();
		var episode = new LinkedHashMap<String, Object>();
		episode.put("@context", "https://schema.org");
		episode.put("@type", "PodcastEpisode");
		episode.put("url", absolute(EpisodePaths.page((library && show != null) ? show.slug() : null, item.slug())));
		episode.put("name", item.title());
		if (item.publishedAt() != null) {
			episode.put("datePublished", item.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
		}
		if (item.durationSeconds() != null) {
			episode.put("duration", Duration.ofSeconds(item.durationSeconds()).toString());
		}
		if (item.summary() != null) {
			episode.put("description", item.summary());
		}
		var image = (item.imageUrl() != null) ? item.imageUrl() : ((show != null) ? show.imageUrl() : null);
		if (image != null) {
			episode.put("image", image);
		}
		if (show != null) {
			episode.put("partOfSeries", library ? librarySeries(show) : series(show, false));
		}
		if (item.season() != null) {
			episode.put("partOfSeason", Map.of("@type", "PodcastSeason", "seasonNumber", item.season()));
		}
		if (item.episodeNumber() != null) {
			episode.put("episodeNumber", item.episodeNumber());
		}
		PeopleJsonLd.add(episode, this.catalog.persons(List.of(item.id())).getOrDefault(item.id(), List.of()));
		var audio = new LinkedHashMap<String, Object>();
		audio.put("@type", "AudioObject");
		if (item.audioUrl() != null) {
			audio.put("contentUrl", item.audioUrl());
		}
		if (item.audioType() != null) {
			audio.put("encodingFormat", item.audioType());
		}
		if (item.durationSeconds() != null) {
			audio.put("duration", Duration.ofSeconds(item.durationSeconds()).toString());
		}
		if (item.hasTranscript() && withTranscript) {
			audio.put("transcript", transcriptText(item.id()));
		}
		if (item.audioUrl() != null || audio.containsKey("transcript")) {
			episode.put("associatedMedia", audio);
		}
		return script(episode);
	}

	/** The archive's show, or null before the first poll: read once per page. */
	Shows.Show show() {
		return this.shows.first().orElse(null);
	}

	/** The {@code PodcastSeries} of the archive's {@code show}, or null without one. */
	String series(Shows.Show show) {
		return (show != null) ? script(series(show, true)) : null;
	}

	private Map<String, Object> series(Shows.Show show, boolean top) {
		var series = new LinkedHashMap<String, Object>();
		if (top) {
			series.put("@context", "https://schema.org");
		}
		series.put("@type", "PodcastSeries");
		series.put("name", (show.title() != null) ? show.title() : "Podcast archive");
		series.put("url", absolute("/"));
		series.put("webFeed", absolute("/feed.xml"));
		if (top) {
			if (show.description() != null) {
				series.put("description", show.description());
			}
			if (show.imageUrl() != null) {
				series.put("image", show.imageUrl());
			}
			if (show.author() != null) {
				series.put("author", Map.of("@type", "Person", "name", show.author()));
			}
			if (show.link() != null) {
				series.put("sameAs", show.link());
			}
		}
		return series;
	}

	/** A show of a library: its own page and its own feed. */
	private Map<String, Object> librarySeries(Shows.Show show) {
		var series = new LinkedHashMap<String, Object>();
		series.put("@type", "PodcastSeries");
		series.put("name", show.title());
		series.put("url", absolute(EpisodePaths.show(show.slug())));
		series.put("webFeed", absolute(EpisodePaths.show(show.slug()) + "/feed.xml"));
		return series;
	}

	/** JSON safe to put between {@code <script>} and {@code </script>} as is. */
	String script(Object value) {
		return escape(this.json.writeValueAsString(value));
	}

	/**
	 * {@code <}, {@code >} and {@code &} only ever occur inside JSON strings, where their
	 * {@code \\u} escapes mean the same.
	 */
	static String escape(String json) {
		return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
	}

	private String absolute(String path) {
		return this.publicUrl.of(path);
	}

	/** The whole transcript as "Speaker: text" lines. */
	private String transcriptText(long episodeId) {
		var lines = new ArrayList<String>();
		for (var segment : this.catalog.segments(episodeId)) {
			lines.add(((segment.speaker() != null) ? segment.speaker() + ": " : "") + segment.text());
		}
		return String.join("\n", lines);
	}

}
