package ai.interconnects.archive.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTests {

	@Test
	void latinTitlesLoseTheirAccentsAndPunctuation() {
		assertThat(Slugs.of("Dean Ball on open models & government control", "g"))
			.isEqualTo("dean-ball-on-open-models-government-control");
		assertThat(Slugs.of("Café’s “naïve” RLHF", "g")).isEqualTo("cafes-naive-rlhf");
	}

	@Test
	void nonLatinTitlesKeepTheirLetters() {
		assertThat(Slugs.of("פרק ראשון: בינה מלאכותית", "he-1")).isEqualTo("פרק-ראשון-בינה-מלאכותית");
		assertThat(Slugs.of("Страница 2", "ru")).isEqualTo("страница-2");
		assertThat(Slugs.of("인공지능 이야기", "ko")).isEqualTo("인공지능-이야기");
		assertThat(Slugs.of("हिन्दी पॉडकास्ट", "hi")).isEqualTo("हिन्दी-पॉडकास्ट");
	}

	@Test
	void aTitleWithoutLettersGetsAStableSlugFromItsIdentity() {
		var slug = Slugs.of("🎙️🎧", "emoji-1");

		assertThat(slug).matches("episode-[0-9a-f]{10}").isEqualTo(Slugs.of("!!!", "emoji-1"));
		assertThat(Slugs.of("🎙️🎧", "emoji-2")).isNotEqualTo(slug);
	}

}
