package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.transcript.TranscriptFormats;

import ai.interconnects.archive.transcript.TimedTranscript;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import ai.interconnects.archive.support.FormatsTestSupport;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class TranscriptFileTests extends FormatsTestSupport {

	static final String EPISODE = "/episodes/" + DEAN_BALL;

	static final Pattern VTT_TIMING = Pattern
		.compile("(\\d{2}):(\\d{2}):(\\d{2})\\.(\\d{3}) --> (\\d{2}):(\\d{2}):(\\d{2})\\.(\\d{3})");

	static final Pattern SRT_TIMING = Pattern
		.compile("(\\d{2}):(\\d{2}):(\\d{2}),(\\d{3}) --> (\\d{2}):(\\d{2}):(\\d{2}),(\\d{3})");

	@Autowired
	JsonMapper json;

	record Cue(long start, long end, String voice, String text) {
	}

	@Test
	void webVttHasOneCuePerParagraphWithSpeakersAsVoices() throws Exception {
		ingestFixture();

		var result = get200(EPISODE + "/transcript.vtt");

		assertThat(result.getResponse().getContentType()).isEqualTo("text/vtt;charset=UTF-8");
		var cues = parseVtt(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(cues).hasSize(segmentCount());
		assertThat(cues.get(1).start()).isEqualTo(72_000);
		assertThat(cues.get(1).voice()).isEqualTo("Dean Ball");
		assertThat(cues.get(1).text()).startsWith("My guess is that in the long run");
		assertThat(cues.get(0).end()).isEqualTo(cues.get(1).start());
		assertThat(cues).allSatisfy((cue) -> assertThat(cue.end()).isGreaterThan(cue.start()));
		assertThat(cues).extracting(Cue::voice).containsOnly("Nathan Lambert", "Dean Ball");
	}

	@Test
	void subRipMatchesTheWebVttCues() throws Exception {
		ingestFixture();

		var vtt = parseVtt(body(EPISODE + "/transcript.vtt"));
		var result = get200(EPISODE + "/transcript.srt");

		assertThat(result.getResponse().getContentType()).isEqualTo("application/x-subrip;charset=UTF-8");
		var srt = parseSrt(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(srt).hasSize(vtt.size());
		for (int i = 0; i < srt.size(); i++) {
			assertThat(srt.get(i).start()).isEqualTo(vtt.get(i).start());
			assertThat(srt.get(i).end()).isEqualTo(vtt.get(i).end());
			assertThat(srt.get(i).text()).isEqualTo(vtt.get(i).voice() + ": " + vtt.get(i).text());
		}
	}

	@Test
	void jsonIsThePodcastingTwoTranscriptFormat() throws Exception {
		ingestFixture();

		var result = get200(EPISODE + "/transcript.json");

		assertThat(result.getResponse().getContentType()).isEqualTo("application/json");
		JsonNode document = this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(document.get("version").asString()).isEqualTo("1.0.0");
		var segments = document.get("segments");
		assertThat(segments.size()).isEqualTo(segmentCount());
		var second = segments.get(1);
		assertThat(second.get("speaker").asString()).isEqualTo("Dean Ball");
		assertThat(second.get("startTime").asDouble()).isEqualTo(72.0);
		assertThat(second.get("endTime").asDouble()).isGreaterThan(72.0);
		assertThat(second.get("body").asString()).startsWith("My guess is that in the long run");
	}

	@Test
	void textHasTimestampsAndSpeakersForNotes() throws Exception {
		ingestFixture();

		var result = get200(EPISODE + "/transcript.txt");

		assertThat(result.getResponse().getContentType()).isEqualTo("text/plain;charset=UTF-8");
		var text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(text).startsWith("Dean Ball on open models and government control\nhttp://localhost/episodes/");
		assertThat(text).contains("\n[1:12] Dean Ball: My guess is that in the long run");
	}

	@Test
	void chaptersAreThePodcastingTwoChaptersFormatLinkingTheChapterPages() throws Exception {
		ingestFixture();

		var result = get200(EPISODE + "/chapters.json");

		assertThat(result.getResponse().getContentType()).isEqualTo("application/json+chapters;charset=UTF-8");
		var document = this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(document.get("version").asString()).isEqualTo("1.2.0");
		var chapters = document.get("chapters");
		var stored = this.jdbc.sql("""
				select c.start_seconds, c.title from chapter c join episode e on e.id = c.episode_id
				where e.slug = ? order by c.position""").param(DEAN_BALL).query().listOfRows();
		assertThat(chapters.size()).isEqualTo(stored.size()).isEqualTo(5);
		for (int i = 0; i < stored.size(); i++) {
			assertThat(chapters.get(i).get("startTime").asInt()).isEqualTo(stored.get(i).get("start_seconds"));
			assertThat(chapters.get(i).get("title").asString()).isEqualTo(stored.get(i).get("title"));
			assertThat(chapters.get(i).get("url").asString())
				.isEqualTo("http://localhost" + EPISODE + "/chapters/" + (i + 1));
		}
	}

	@Test
	void aRepeatedRequestWithTheETagIsNotModified() throws Exception {
		ingestFixture();

		for (var file : List.of("transcript.vtt", "transcript.srt", "transcript.json", "transcript.txt",
				"chapters.json")) {
			var first = get200(EPISODE + "/" + file).getResponse();
			var etag = first.getHeader("ETag");
			assertThat(etag).matches("\"[0-9a-f]{32}\"");
			assertThat(first.getHeaders("ETag")).hasSize(1);
			assertThat(first.getHeader("Last-Modified")).isNotNull();
			var again = this.mvc.perform(get(EPISODE + "/" + file).header("If-None-Match", etag))
				.andReturn()
				.getResponse();
			assertThat(again.getStatus()).isEqualTo(304);
			assertThat(again.getContentLength()).isZero();
			var since = this.mvc
				.perform(get(EPISODE + "/" + file).header("If-Modified-Since", first.getHeader("Last-Modified")))
				.andReturn()
				.getResponse();
			assertThat(since.getStatus()).isEqualTo(304);
			var changed = this.mvc.perform(get(EPISODE + "/" + file).header("If-None-Match", "\"other\""))
				.andReturn()
				.getResponse();
			assertThat(changed.getStatus()).isEqualTo(200);
		}
	}

	@Test
	void anEpisodeWithoutTranscriptIsAFriendlyNotFound() throws Exception {
		ingestFixture();
		var slug = this.jdbc.sql("""
				select slug from episode e
				where not exists (select 1 from transcript_segment s where s.episode_id = e.id)
				order by id limit 1""").query(String.class).single();

		for (var file : List.of("transcript.vtt", "transcript.srt", "transcript.json", "transcript.txt")) {
			var response = fetch("/episodes/" + slug + "/" + file);
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("There is no such page here");
		}
		assertThat(fetch("/episodes/no-such-episode/transcript.vtt").statusCode()).isEqualTo(404);
	}

	@Test
	void theTranscriptPageLinksEveryFormat() throws Exception {
		ingestFixture();

		var page = Jsoup.parse(body(EPISODE + "/transcript"));

		var links = page.select(".transcript-downloads a[type]");
		assertThat(links.eachText()).containsExactly("VTT", "SRT", "JSON", "text", "chapters");
		assertThat(links.eachAttr("href")).containsExactly(EPISODE + "/transcript.vtt", EPISODE + "/transcript.srt",
				EPISODE + "/transcript.json", EPISODE + "/transcript.txt", EPISODE + "/chapters.json");
	}

	@Test
	void cueTextCannotOpenATagOrEndTheCue() {
		var vtt = TranscriptFormats.vtt(List.of(new TimedTranscript.Cue(0, 1000, "A <b>", "x </v> --> y\n\nz & w")),
				null);

		var cues = parseVtt(vtt);
		assertThat(cues).hasSize(1);
		assertThat(vtt).contains("<v A &lt;b&gt;>x &lt;/v&gt; --&gt; y z &amp; w");
	}

	private int segmentCount() {
		return this.jdbc
			.sql("select count(*) from transcript_segment s join episode e on e.id = s.episode_id where e.slug = ?")
			.param(DEAN_BALL)
			.query(Integer.class)
			.single();
	}

	/** A small WebVTT reader: header, then blocks of [id] timing payload. */
	static List<Cue> parseVtt(String text) {
		assertThat(text).startsWith("WEBVTT");
		var blocks = text.replace("\r\n", "\n").split("\n\n+");
		assertThat(blocks[0].lines().findFirst().orElseThrow()).matches("WEBVTT( - .*)?");
		var cues = new ArrayList<Cue>();
		for (int b = 1; b < blocks.length; b++) {
			var lines = blocks[b].lines().toList();
			int timingLine = lines.get(0).contains("-->") ? 0 : 1;
			var timing = VTT_TIMING.matcher(lines.get(timingLine));
			assertThat(timing.matches()).as(lines.get(timingLine)).isTrue();
			var payload = String.join("\n", lines.subList(timingLine + 1, lines.size()));
			assertThat(payload).isNotBlank();
			String voice = null;
			var voiceMatch = Pattern.compile("^<v ([^>]+)>(.*)$", Pattern.DOTALL).matcher(payload);
			if (voiceMatch.matches()) {
				voice = unescape(voiceMatch.group(1));
				payload = voiceMatch.group(2);
			}
			assertThat(payload).doesNotContain("<").doesNotContain("-->");
			cues.add(new Cue(millis(timing, 1), millis(timing, 5), voice, unescape(payload)));
		}
		return cues;
	}

	static List<Cue> parseSrt(String text) {
		var cues = new ArrayList<Cue>();
		int expected = 1;
		for (var block : text.replace("\r\n", "\n").strip().split("\n\n+")) {
			var lines = block.lines().toList();
			assertThat(lines.get(0)).isEqualTo(String.valueOf(expected++));
			var timing = SRT_TIMING.matcher(lines.get(1));
			assertThat(timing.matches()).as(lines.get(1)).isTrue();
			cues.add(new Cue(millis(timing, 1), millis(timing, 5), null,
					String.join("\n", lines.subList(2, lines.size()))));
		}
		return cues;
	}

	private static long millis(java.util.regex.Matcher m, int group) {
		return Long.parseLong(m.group(group)) * 3_600_000 + Long.parseLong(m.group(group + 1)) * 60_000
				+ Long.parseLong(m.group(group + 2)) * 1000 + Long.parseLong(m.group(group + 3));
	}

	private static String unescape(String text) {
		return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
	}

}
