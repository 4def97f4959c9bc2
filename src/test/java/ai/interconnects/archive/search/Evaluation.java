package ai.interconnects.archive.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import ai.interconnects.archive.search.meaning.MeaningSearch;
import org.jsoup.Jsoup;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scores a way of searching on the labelled questions: hit@3 (an answer episode among the
 * first three), moment@3 (an answer moment among the first three moments shown, in page
 * order) and nDCG@10 over the first ten episodes (gain 2 for an answer episode showing an
 * answer moment, or any answer episode for a whole-episode question; 1 for an answer
 * episode without one), averaged per kind of question.
 */
final class Evaluation {

	private final LabelledQuestions questions;

	/** Each question's answer moments, as whitespace-normalised text. */
	private final Map<LabelledQuestions.Question, List<String>> answerTexts = new HashMap<>();

	/** Each question's answer moments as "slug|KIND|position". */
	private final Map<LabelledQuestions.Question, java.util.Set<String>> answerIds = new HashMap<>();

	/** A moment's identity and text. */
	record Text(String kind, int position, String text) {
	}

	Evaluation(LabelledQuestions questions, JdbcClient jdbc) {
		this.questions = questions;
		for (var question : questions.questions()) {
			var texts = new ArrayList<String>();
			var ids = new java.util.HashSet<String>();
			for (var slug : question.episodes()) {
				for (var moment : momentTexts(jdbc, slug)) {
					var text = moment.text();
					if (question.answers().stream().anyMatch((snippet) -> text.contains(normalize(snippet)))) {
						texts.add(text);
						ids.add(slug + "|" + moment.kind() + "|" + moment.position());
					}
				}
			}
			this.answerIds.put(question, ids);
			if (texts.size() < question.answers().size()) {
				throw new IllegalStateException("An answer of \"" + question.text() + "\" is in no moment");
			}
			this.answerTexts.put(question, texts);
		}
	}

	List<String> answerTexts(LabelledQuestions.Question question) {
		return this.answerTexts.get(question);
	}

	java.util.Set<String> answerIds(LabelledQuestions.Question question) {
		return this.answerIds.get(question);
	}

	/** Every moment of the episode: title, chapters, notes paragraphs, segments. */
	static List<Text> momentTexts(JdbcClient jdbc, String slug) {
		var texts = new ArrayList<Text>();
		jdbc.sql("select title, show_notes_html from episode where slug = :slug").param("slug", slug).query((rs) -> {
			texts.add(new Text("TITLE", 0, normalize(rs.getString("title"))));
			var notes = MeaningSearch.notesParagraphs(rs.getString("show_notes_html"));
			for (int i = 0; i < notes.size(); i++) {
				texts.add(new Text("NOTES", i, normalize(notes.get(i))));
			}
		});
		jdbc.sql("""
				select 'CHAPTER' as kind, c.position, c.title as text
				from chapter c join episode e on e.id = c.episode_id where e.slug = :slug
				union all
				select 'SEGMENT', s.position, s.text
				from transcript_segment s join episode e on e.id = s.episode_id where e.slug = :slug
				""").param("slug", slug).query((rs) -> {
			texts.add(new Text(rs.getString("kind"), rs.getInt("position"), normalize(rs.getString("text"))));
		});
		return texts;
	}

	static String normalize(String text) {
		return (text != null) ? text.strip().replaceAll("\\s+", " ") : "";
	}

	/** Averages per kind: hit@3, moment@3 (NaN for whole-episode questions), nDCG@10. */
	record Scores(Map<LabelledQuestions.Kind, double[]> byKind) {

		double hit(LabelledQuestions.Kind kind) {
			return this.byKind.get(kind)[0];
		}

		double moment(LabelledQuestions.Kind kind) {
			return this.byKind.get(kind)[1];
		}

		double ndcg(LabelledQuestions.Kind kind) {
			return this.byKind.get(kind)[2];
		}

		String row(String system) {
			var row = new StringBuilder("| " + system + " |");
			for (var kind : LabelledQuestions.Kind.values()) {
				var s = this.byKind.get(kind);
				row.append(
						" %.2f | %s | %.2f |".formatted(s[0], Double.isNaN(s[1]) ? "–" : "%.2f".formatted(s[1]), s[2]));
			}
			return row.toString();
		}

	}

	Scores score(Function<LabelledQuestions.Question, SearchResults> search) {
		var sums = new EnumMap<LabelledQuestions.Kind, double[]>(LabelledQuestions.Kind.class);
		var counts = new EnumMap<LabelledQuestions.Kind, Integer>(LabelledQuestions.Kind.class);
		for (var question : this.questions.questions()) {
			var results = search.apply(question);
			var s = sums.computeIfAbsent(question.kind(), (k) -> new double[3]);
			counts.merge(question.kind(), 1, Integer::sum);
			s[0] += hitAt3(question, results) ? 1 : 0;
			s[1] += momentAt3(question, results) ? 1 : 0;
			s[2] += ndcg(question, results);
		}
		var averages = new EnumMap<LabelledQuestions.Kind, double[]>(LabelledQuestions.Kind.class);
		sums.forEach((kind, s) -> {
			int n = counts.get(kind);
			averages.put(kind, new double[] { s[0] / n,
					(kind == LabelledQuestions.Kind.EPISODE) ? Double.NaN : s[1] / n, s[2] / n });
		});
		return new Scores(averages);
	}

	boolean hitAt3(LabelledQuestions.Question question, SearchResults results) {
		var episodes = results.episodes();
		for (int i = 0; i < Math.min(3, episodes.size()); i++) {
			if (question.episodes().contains(episodes.get(i).slug())) {
				return true;
			}
		}
		return false;
	}

	boolean momentAt3(LabelledQuestions.Question question, SearchResults results) {
		int seen = 0;
		for (var episode : results.episodes()) {
			for (var moment : episode.best()) {
				if (seen++ >= 3) {
					return false;
				}
				if (question.episodes().contains(episode.slug()) && answers(question, moment)) {
					return true;
				}
			}
		}
		return false;
	}

	double ndcg(LabelledQuestions.Question question, SearchResults results) {
		double dcg = 0;
		var episodes = results.episodes();
		for (int i = 0; i < Math.min(10, episodes.size()); i++) {
			var episode = episodes.get(i);
			if (!question.episodes().contains(episode.slug())) {
				continue;
			}
			boolean moment = question.kind() == LabelledQuestions.Kind.EPISODE
					|| episode.best().stream().anyMatch((m) -> answers(question, m));
			dcg += (moment ? 2 : 1) / log2(i + 2);
		}
		double ideal = 0;
		for (int i = 0; i < Math.min(10, question.episodes().size()); i++) {
			ideal += 2 / log2(i + 2);
		}
		return dcg / ideal;
	}

	private static double log2(double x) {
		return Math.log(x) / Math.log(2);
	}

	/** Whether a shown moment is (a part of) an answer moment. */
	boolean answers(LabelledQuestions.Question question, SearchResults.Moment moment) {
		var excerpt = normalize(Jsoup.parse(moment.excerptHtml()).text().replace("…", " "));
		var core = (excerpt.length() > 40) ? excerpt.substring(0, 40) : excerpt;
		return !core.isEmpty() && this.answerTexts.get(question).stream().anyMatch((t) -> t.contains(core));
	}

}
