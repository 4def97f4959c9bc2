package ai.interconnects.archive.episode.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import ai.interconnects.archive.support.PagesTestSupport;
import ai.interconnects.archive.web.Site;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class QuoteCardTests extends PagesTestSupport {

	private static final Site SITE = new Site("A show", null, null, null, null, null);

	static final String CARD = "/episodes/" + DEAN_BALL + "/quote.png";

	@Autowired
	QuoteCard cards;

	@Test
	void aMomentHasAQuoteCardPngOfOpenGraphSize() throws Exception {
		ingestFixture();

		var response = this.mvc.perform(get(CARD + "?t=754,801")).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("image/png");
		assertThat(response.getHeader("Cache-Control")).contains("max-age=86400").contains("public");
		var image = ImageIO.read(new ByteArrayInputStream(response.getContentAsByteArray()));
		assertThat(image.getWidth()).isEqualTo(1200);
		assertThat(image.getHeight()).isEqualTo(630);
		// not a blank picture: the text is drawn in the text colour somewhere
		boolean dark = false;
		for (int x = 60; x < 1140 && !dark; x += 3) {
			for (int y = 60; y < 400 && !dark; y += 3) {
				dark = (image.getRGB(x, y) & 0xffffff) == 0x1e1c19;
			}
		}
		assertThat(dark).isTrue();
	}

	@Test
	void cardsAreCachedAndTheCacheIsBounded() throws Exception {
		ingestFixture();

		var first = this.mvc.perform(get(CARD + "?t=72")).andReturn().getResponse().getContentAsByteArray();
		int cached = this.cards.cached();
		var again = this.mvc.perform(get(CARD + "?t=72")).andReturn().getResponse().getContentAsByteArray();

		assertThat(again).isEqualTo(first);
		assertThat(this.cards.cached()).isEqualTo(cached);
		for (int i = 0; i < QuoteCard.CACHE_SIZE + 5; i++) {
			this.cards.png(new QuoteCard.Content("words " + i, "Someone", "0:0" + (i % 10), "Episode", SITE));
		}
		assertThat(this.cards.cached()).isEqualTo(QuoteCard.CACHE_SIZE);
	}

	@Test
	void aVeryLongQuoteStillFitsTheCard() {
		var png = this.cards.png(new QuoteCard.Content("word ".repeat(2000) + "x".repeat(500),
				"A speaker with a " + "name far longer than any card could hold on one line of text at thirty points",
				"1:02:03", "An episode title that is also far too long ".repeat(5), SITE));
		assertThat(png.length).isLessThan(300_000);
	}

	@Test
	void aBurstOfDistinctMomentsIsDrawnAFewAtATimeTheRestAskedToRetry() throws Exception {
		ingestFixture();
		var client = HttpClient.newHttpClient();
		var answers = new ArrayList<CompletableFuture<HttpResponse<Void>>>();
		for (int i = 0; i < 60; i++) {
			var moment = url(CARD + "?t=" + (100 + i * 7) + "," + (130 + i * 7));
			answers.add(client.sendAsync(HttpRequest.newBuilder(URI.create(moment)).build(),
					HttpResponse.BodyHandlers.discarding()));
		}
		for (var answer : answers) {
			var response = answer.get(60, TimeUnit.SECONDS);
			assertThat(response.statusCode()).isIn(200, 503);
			if (response.statusCode() == 503) {
				assertThat(response.headers().firstValue("Retry-After")).isPresent();
			}
		}
		assertThat(this.cards.mostDrawnAtOnce()).isBetween(1, QuoteCard.MAX_DRAWING);
	}

	@Test
	void noMomentOrNoWordsIsA404() throws Exception {
		ingestFixture();

		assertThat(status(CARD)).isEqualTo(404);
		assertThat(status(CARD + "?t=abc")).isEqualTo(404);
		assertThat(status("/episodes/no-such-episode/quote.png?t=5")).isEqualTo(404);
		assertThat(status("/episodes/what-comes-next-with-open-models/quote.png?t=5")).isEqualTo(404);
	}

	private int status(String path) throws Exception {
		return this.mvc.perform(get(path)).andReturn().getResponse().getStatus();
	}

}
