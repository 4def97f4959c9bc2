package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.episode.Voices;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpeakerQuotesTests {

	@Test
	void theQuotesAreTheLongerPassagesWithRareWordsNotThePleasantries() {
		var turns = List.of(
				turn(1, 1, "Oh, yeah, it's my honor. Thanks so much for having me, I really mean it, yeah."),
				turn(1, 2,
						"Right. Yeah, I think that's right, I think that's kind of right, you know, it's like that."),
				turn(2, 3, "The interesting part is that the reinforcement learning phase is much more sensitive "
						+ "to the quality of the verifiers than to the size of the model. A bad verifier teaches "
						+ "the model to game it."),
				turn(3, 4,
						"Contamination is everywhere, and it flatters every model in the same way, so the "
								+ "rankings look stable while the absolute numbers are fiction."),
				turn(4, 5, "Yeah, I think, you know, it's like, yeah, I think it's really kind of a thing, you know, "
						+ "I mean it's just like that, right, yeah."));

		var quotes = SpeakerQuotes.best(turns, 2);

		assertThat(quotes).extracting(SpeakerQuotes.Quote::text)
			.anyMatch((text) -> text.contains("verifiers"))
			.anyMatch((text) -> text.contains("Contamination"))
			.noneMatch(
					(text) -> text.contains("honor") || text.startsWith("Right") || text.startsWith("Yeah, I think"));
		assertThat(quotes).allMatch((quote) -> quote.text().length() >= SpeakerQuotes.MIN_LENGTH
				&& quote.text().length() <= SpeakerQuotes.MAX_LENGTH);
	}

	@Test
	void aQuoteIsWholeSentencesWithinTheLengthBounds() {
		var turn = turn(1, 1, "Short. " + "The data mixture decides more than the architecture does, at every scale "
				+ "we tried, again and again. " + "x".repeat(400) + ". Then nothing.");

		var quotes = SpeakerQuotes.best(List.of(turn), 3);

		assertThat(quotes).extracting(SpeakerQuotes.Quote::text)
			.containsExactly(
					"Short. The data mixture decides more than the architecture does, at every scale we tried, "
							+ "again and again.");
	}

	private static Voices.TurnRow turn(long episode, int position, String text) {
		return new Voices.TurnRow(episode, "ep-" + episode, "Episode " + episode,
				OffsetDateTime.parse("2026-01-01T00:00:00Z"), position, position * 60, text);
	}

}
