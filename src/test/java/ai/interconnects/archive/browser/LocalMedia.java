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
	 * The fixture's Substack enclosures, and the interview fixture's example.com ones, as
	 * the feed and its backup both write them (followed by a quote).
	 */
	private static final Pattern ENCLOSURE = Pattern.compile(
			"https://(?:api\\.substack\\.com/feed/podcast/(\\d+)/[^\"]+|example\\.com/audio/([a-z0-9-]+))\\.mp3(?=\")");

	private static final Pattern IMAGE = Pattern.compile("https://substackcdn\\.com/[^\"<]+\\.jpg");

	private LocalMedia() {
	}

	static byte[] feed(byte[] fixture, FeedServer feeds, SilentAudio audio, String appOrigin) {
		return local(new String(fixture, StandardCharsets.UTF_8), feeds, audio, appOrigin)
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A feed or its archive's backup ({@code FixtureArchive}) with the media on loopback:
	 * the same rewrite, so a restored archive plays what a polled one would.
	 */
	static String local(String text, FeedServer feeds, SilentAudio audio, String appOrigin) {
		var enclosure = ENCLOSURE.matcher(text);
		var local = new StringBuilder();
		while (enclosure.find()) {
			var name = (enclosure.group(1) != null) ? enclosure.group(1) : enclosure.group(2);
			var path = ((audio != null) ? "/audio/" : "/gone/") + name + ".wav";
			if (audio != null) {
				feeds.handle(path, audio::serve);
			}
			enclosure.appendReplacement(local, Matcher.quoteReplacement(feeds.url(path).toString()));
		}
		enclosure.appendTail(local);
		return IMAGE.matcher(local)
			.replaceAll(Matcher.quoteReplacement(appOrigin + "/favicon.svg"))
			.replace("audio/mpeg", "audio/wav");
	}

}
