package ai.interconnects.archive.browser;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.interconnects.archive.support.FeedServer;

/**
 * The fixture feed with its media on loopback, so the browser never reaches for the
 * internet: every enclosure is silent audio on the feed server (or a 404 there, to see
 * the player fail), every artwork the app's own icon (the content policy allows images
 * from the app and https hosts only). Each episode keeps its own audio path: the archive
 * recognises an item by its enclosure URL, so one shared URL would merge them all.
 */
final class LocalMedia {

	/**
	 * The fixture's Substack enclosures, and the interview fixture's example.com ones.
	 */
	private static final Pattern ENCLOSURE = Pattern.compile(
			"url=\"https://(?:api\\.substack\\.com/feed/podcast/(\\d+)/[^\"]+|example\\.com/audio/([a-z0-9-]+))\\.mp3\"");

	private static final Pattern IMAGE = Pattern.compile("https://substackcdn\\.com/[^\"<]+\\.jpg");

	private LocalMedia() {
	}

	static byte[] feed(byte[] fixture, FeedServer feeds, SilentAudio audio, String appOrigin) {
		var enclosure = ENCLOSURE.matcher(new String(fixture, StandardCharsets.UTF_8));
		var feed = new StringBuilder();
		while (enclosure.find()) {
			var name = (enclosure.group(1) != null) ? enclosure.group(1) : enclosure.group(2);
			var path = ((audio != null) ? "/audio/" : "/gone/") + name + ".wav";
			if (audio != null) {
				feeds.handle(path, audio::serve);
			}
			enclosure.appendReplacement(feed, Matcher.quoteReplacement("url=\"" + feeds.url(path) + "\""));
		}
		enclosure.appendTail(feed);
		var local = IMAGE.matcher(feed).replaceAll(Matcher.quoteReplacement(appOrigin + "/favicon.svg"));
		return local.replace("type=\"audio/mpeg\"", "type=\"audio/wav\"").getBytes(StandardCharsets.UTF_8);
	}

}
