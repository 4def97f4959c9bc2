package ai.interconnects.archive.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import ai.interconnects.archive.api.ArchiveImporter;
import ai.interconnects.archive.search.meaning.MeaningFixture;
import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.FeedServerExtension;
import ai.interconnects.archive.support.FixtureArchive;
import ai.interconnects.archive.support.WithFeedServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The labelled questions ({@link LabelledQuestions}) asked of the fixture archive with
 * its vectors made by the real model: keyword search as before, meaning alone, and the
 * hybrid ranking. Prints the table of BENCHMARKS.md and fails when the hybrid ranking
 * falls below floors set a little under that table, or does worse than keyword search on
 * keyword questions.
 */
@WithFeedServer
@ArchiveTest(properties = { "archive.poll.enabled=false", "archive.meaning.enabled=true" })
// the context of every test of search by meaning: the model loads once
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchEvaluationTests {

	static final FeedServer server = FeedServerExtension.server();

	@Autowired
	ApplicationContext context;

	@Autowired
	ArchiveImporter importer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SearchService search;

	@Autowired
	HybridSearch hybrid;

	@Autowired
	QueryAnalysis analysis;

	LabelledQuestions questions;

	Evaluation evaluation;

	@BeforeAll
	void embedTheFixture() {
		// the fixture feed's episodes, restored without a poll
		FixtureArchive.restore(this.jdbc, this.importer, server.url("/feed.xml").toString(), "interconnects-feed.xml");
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
		var table = List.of(
				"| ranking | paraphrase hit@3 | moment@3 | nDCG@10 | keyword hit@3 | moment@3 | nDCG@10 "
						+ "| episode hit@3 | moment@3 | nDCG@10 |",
				"|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|", words.row("keyword search (mode=words)"),
				meaning.row("meaning only"), hybrid.row("hybrid"));
		System.out.println(String.join("\n", table));
		if (Boolean.getBoolean("eval.grid")) {
			misses(searchWith(SearchMode.HYBRID, Fusion.DEFAULT));
			grid();
		}
		// Floors a little below the table of BENCHMARKS.md (paraphrases 0.71 / 0.32 /
		// 0.60,
		// keywords 1.00 / 1.00 / 1.00, whole episodes 1.00 / 0.99): one or two questions
		// may change hands, a worse ranking may not pass.
		var paraphrase = LabelledQuestions.Kind.PARAPHRASE;
		var keyword = LabelledQuestions.Kind.KEYWORD;
		var episode = LabelledQuestions.Kind.EPISODE;
		assertThat(hybrid.hit(paraphrase)).as("paraphrase hit@3").isGreaterThanOrEqualTo(0.64);
		assertThat(hybrid.moment(paraphrase)).as("paraphrase moment@3").isGreaterThanOrEqualTo(0.25);
		assertThat(hybrid.ndcg(paraphrase)).as("paraphrase nDCG@10").isGreaterThanOrEqualTo(0.5);
		assertThat(hybrid.hit(keyword)).as("keyword hit@3").isEqualTo(1.0);
		assertThat(hybrid.moment(keyword)).as("keyword moment@3")
			.isGreaterThanOrEqualTo(Math.max(0.9, words.moment(keyword)));
		assertThat(hybrid.ndcg(keyword)).as("keyword nDCG@10").isGreaterThanOrEqualTo(words.ndcg(keyword));
		assertThat(hybrid.hit(episode)).as("whole-episode hit@3").isGreaterThanOrEqualTo(0.88);
		assertThat(hybrid.ndcg(episode)).as("whole-episode nDCG@10").isGreaterThanOrEqualTo(0.9);
		// meaning alone must carry the paraphrases: if it fell, the hybrid rows above
		// would
		// be words' work
		assertThat(meaning.hit(paraphrase)).as("meaning-only paraphrase hit@3").isGreaterThanOrEqualTo(0.6);
	}

	private Function<LabelledQuestions.Question, SearchResults> searchWith(SearchMode mode, Fusion fusion) {
		return (question) -> {
			var request = SearchRequest.of(question.text(), null, null, null, null, null, mode.param(), 200);
			if (fusion == null) {
				return this.search.search(request);
			}
			return this.hybrid.search(request, this.analysis.analyze(request.query()), fusion, 10, 3).orElseThrow();
		};
	}

	private void misses(Function<LabelledQuestions.Question, SearchResults> search) {
		for (var question : this.questions.questions()) {
			var results = search.apply(question);
			if (question.kind() != LabelledQuestions.Kind.EPISODE && !this.evaluation.momentAt3(question, results)) {
				System.out.println("MISS " + question.kind() + " " + question.text() + " -> " + question.episodes());
				results.episodes().stream().limit(3).forEach((e) -> {
					System.out.println("   " + e.slug());
					e.best()
						.forEach((m) -> System.out.println("      " + m.match() + " " + m.kind() + " "
								+ org.jsoup.Jsoup.parse(m.excerptHtml()).text()));
				});
			}
		}
	}

	@Autowired
	HybridPage pages;

	/** One question's evidence, computed once, scored under many fusions. */
	private record Prepared(LabelledQuestions.Question question, HybridSearch.Evidence evidence,
			HybridPage.Moments moments, java.util.Map<Long, String> slugs) {
	}

	private void grid() {
		var prepared = new ArrayList<Prepared>();
		for (var question : this.questions.questions()) {
			var request = SearchRequest.of(question.text(), null, null, null, null, null, 200);
			var evidence = this.hybrid.evidence(request, this.analysis.analyze(request.query()), Fusion.DEFAULT, 11)
				.orElseThrow();
			var ids = evidence.episodes().stream().map(HybridSearch.Ranked::episodeId).toList();
			var slugs = new java.util.HashMap<Long, String>();
			this.jdbc.sql("select id, slug from episode").query((rs) -> {
				slugs.put(rs.getLong(1), rs.getString(2));
			});
			prepared.add(new Prepared(question, evidence, this.pages.moments(evidence.query(), ids), slugs));
		}
		var rows = new ArrayList<String>();
		for (double all : new double[] { 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0 }) {
			for (double some : new double[] { 0, 0.1, 0.2, 0.3, 0.5 }) {
				for (double floor : new double[] { 0.2, 0.4, 0.5, 0.6, 0.7 }) {
					for (double power : new double[] { 1, 2, 4 }) {
						var fusion = new Fusion(all, some, power, floor, 50, 200);
						rows.add(gridRow(prepared, fusion));
					}
				}
			}
		}
		rows.sort(java.util.Comparator.reverseOrder());
		rows.stream().limit(40).forEach((r) -> System.out.println("GRID " + r));
	}

	/**
	 * "objective | paraphrase hit, moment | keyword hit, moment | episode hit | fusion".
	 */
	private String gridRow(List<Prepared> prepared, Fusion fusion) {
		var sums = new double[LabelledQuestions.Kind.values().length][2];
		var counts = new int[LabelledQuestions.Kind.values().length];
		for (var p : prepared) {
			var ranked = HybridSearch.order(p.evidence(), fusion);
			int k = p.question().kind().ordinal();
			counts[k]++;
			boolean hit = false;
			boolean moment = false;
			int seen = 0;
			double alpha = p.evidence().query().alpha(fusion);
			for (int i = 0; i < ranked.size() && i < 3; i++) {
				var slug = p.slugs().get(ranked.get(i).episodeId());
				hit |= p.question().episodes().contains(slug);
				for (var c : HybridPage.choose(p.moments().candidates().get(ranked.get(i).episodeId()), alpha, fusion,
						3)) {
					if (seen++ < 3) {
						moment |= this.evaluation.answerIds(p.question())
							.contains(slug + "|" + c.kind() + "|" + c.position());
					}
				}
			}
			sums[k][0] += hit ? 1 : 0;
			sums[k][1] += moment ? 1 : 0;
		}
		double[] avg = new double[6];
		for (int k = 0; k < 3; k++) {
			avg[2 * k] = sums[k][0] / counts[k];
			avg[2 * k + 1] = sums[k][1] / counts[k];
		}
		double objective = avg[0] + avg[1] + 2 * avg[2] + 2 * avg[3] + avg[4];
		return "%.3f | %.2f %.2f | %.2f %.2f | %.2f | %s".formatted(objective, avg[0], avg[1], avg[2], avg[3], avg[4],
				fusion);
	}

}
