package ai.interconnects.archive.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import ai.interconnects.archive.feed.PollService;
import ai.interconnects.archive.search.meaning.MeaningFixture;
import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.FeedServerExtension;
import ai.interconnects.archive.support.WithFeedServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The labelled questions ({@link LabelledQuestions}) asked of the fixture archive with
 * its vectors made by the real model: keyword search as before, meaning alone, and the
 * hybrid ranking. Prints the table of BENCHMARKS.md and fails when the hybrid ranking
 * falls below the floors measured when it was tuned, or does worse than keyword search
 * on keyword questions.
 */
@WithFeedServer
@ArchiveTest(properties = { "archive.poll.enabled=false", "archive.meaning.enabled=true" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchEvaluationTests {

	static final FeedServer server = FeedServerExtension.server();

	@Autowired
	ApplicationContext context;

	@Autowired
	PollService polls;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SearchService search;

	@Autowired
	HybridSearch hybrid;

	LabelledQuestions questions;

	Evaluation evaluation;

	@BeforeAll
	void embedTheFixture() {
		DatabaseCleaner.clean(this.jdbc);
		server.respond("/feed.xml", 200, FeedServer.resource("/feeds/interconnects-feed.xml"), "Content-Type",
				"application/rss+xml; charset=utf-8");
		assertThat(this.polls.poll().orElseThrow().getItemsNew()).isEqualTo(11);
		MeaningFixture.embedAll(this.context);
		this.questions = LabelledQuestions.read();
		this.evaluation = new Evaluation(this.questions, this.jdbc);
	}

	@Test
	void theQuestionSetHasEveryKindAndAParaphraseSharesNoWordWithItsAnswer() {
		assertThat(this.questions.questions()).hasSizeGreaterThanOrEqualTo(40);
		assertThat(this.questions.questions().stream().filter((q) -> q.kind() == LabelledQuestions.Kind.PARAPHRASE))
			.hasSizeGreaterThanOrEqualTo(25);
		var shared = new ArrayList<String>();
		for (var question : this.questions.questions()) {
			if (question.kind() != LabelledQuestions.Kind.PARAPHRASE) {
				continue;
			}
			for (var answer : this.evaluation.answerTexts(question)) {
				var common = this.jdbc.sql("""
						select array_to_string(array(
						    select unnest(tsvector_to_array(to_tsvector('english', :question)))
						    intersect
						    select unnest(tsvector_to_array(to_tsvector('english', :answer)))), ' ')
						""").param("question", question.text()).param("answer", answer).query(String.class).single();
				if (!common.isEmpty()) {
					shared.add(question.text() + " ~ " + common);
				}
			}
		}
		assertThat(shared).isEmpty();
	}

	@Test
	void theHybridRankingFindsWhatEachKindOfQuestionAsksFor() {
		var words = this.evaluation.score(searchWith(SearchMode.WORDS, null));
		var meaning = this.evaluation.score(searchWith(SearchMode.HYBRID, new Fusion(0, 0, 1, 0.5, 50, 200)));
		var hybrid = this.evaluation.score(searchWith(SearchMode.HYBRID, Fusion.DEFAULT));
		var table = List.of("| ranking | paraphrase hit@3 | moment@3 | nDCG@10 | keyword hit@3 | moment@3 | nDCG@10 "
				+ "| episode hit@3 | moment@3 | nDCG@10 |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
				words.row("keyword search (mode=words)"), meaning.row("meaning only"), hybrid.row("hybrid"));
		System.out.println(String.join("\n", table));
		if (Boolean.getBoolean("eval.grid")) {
			grid();
		}
		assertThat(hybrid.hit(LabelledQuestions.Kind.KEYWORD)).isGreaterThanOrEqualTo(words.hit(LabelledQuestions.Kind.KEYWORD));
	}

	private Function<LabelledQuestions.Question, SearchResults> searchWith(SearchMode mode, Fusion fusion) {
		return (question) -> {
			var request = SearchRequest.of(question.text(), null, null, null, null, null, mode.param(), 200);
			if (fusion == null) {
				return this.search.search(request);
			}
			var parsed = new SearchRepository(this.jdbc).planForEachQueryAndParse(request.query());
			var lexemes = TsqueryParser.parse(parsed.tsquery()).positiveLexemes();
			return this.hybrid.search(request, lexemes, fusion, 10, 3).orElseThrow();
		};
	}

	private void grid() {
		for (double all : new double[] { 0.3, 0.5, 0.6, 0.7, 0.8, 0.9 }) {
			for (double some : new double[] { 0, 0.2, 0.4, 0.6 }) {
				for (double floor : new double[] { 0.3, 0.5, 0.6 }) {
					for (double power : new double[] { 1, 2 }) {
						var fusion = new Fusion(all, some, power, floor, 50, 200);
						System.out.println(this.evaluation.score(searchWith(SearchMode.HYBRID, fusion)).row(fusion.toString()));
					}
				}
			}
		}
	}

}
