package ai.interconnects.archive.syndication;

import java.nio.charset.StandardCharsets;
import java.util.List;

import ai.interconnects.archive.web.CurrentSite;
import ai.interconnects.archive.web.PublicUrl;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * How to follow the archive in a podcast app (template
 * {@code fragments/syndication.html}, called as {@code @podcastApps}): the feed's URL to
 * copy, and links that open it in the apps that take a feed by URL scheme. Each app's
 * form is the one it documents: Apple Podcasts {@code podcast://host/feed.xml}, Overcast
 * {@code overcast://x-callback-url/add?url=…}, Pocket Casts
 * {@code pktc://subscribe/host/feed.xml}, AntennaPod its
 * {@code antennapod.org/deeplink/subscribe} page (which opens the app when installed).
 * The stylesheet the feed itself is shown with in a browser ({@code static/feed.xsl})
 * builds the same links.
 */
@Component("podcastApps")
class PodcastApps {

	private final PublicUrl publicUrl;

	private final CurrentSite site;

	PodcastApps(PublicUrl publicUrl, CurrentSite site) {
		this.publicUrl = publicUrl;
		this.site = site;
	}

	/** One app and the link that subscribes it to the feed. */
	record App(String name, String href) {
	}

	public String feedUrl() {
		return this.publicUrl.of("/feed.xml");
	}

	public List<App> apps() {
		var feed = feedUrl();
		var withoutScheme = feed.replaceFirst("^https?://", "");
		var encoded = UriUtils.encode(feed, StandardCharsets.UTF_8);
		var title = UriUtils.encode(this.site.get().name(), StandardCharsets.UTF_8);
		return List.of(new App("Apple Podcasts", "podcast://" + withoutScheme),
				new App("Overcast", "overcast://x-callback-url/add?url=" + encoded),
				new App("Pocket Casts", "pktc://subscribe/" + withoutScheme),
				new App("AntennaPod", "https://antennapod.org/deeplink/subscribe?url=" + encoded + "&title=" + title));
	}

}
