package ai.interconnects.archive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The labelled questions of {@code src/test/resources/search/questions.txt} (its header
 * says how they were written).
 */
record LabelledQuestions(List<Question> questions) {

	enum Kind {

		PARAPHRASE, KEYWORD, EPISODE

	}

	/**
	 * @param episodes slugs of the episodes that answer it
	 * @param answers snippets of the moments that answer it (none for an episode
	 * question)
	 */
	record Question(Kind kind, String text, List<String> episodes, List<String> answers) {
	}

	static LabelledQuestions read() {
		try (var in = LabelledQuestions.class.getResourceAsStream("/search/questions.txt")) {
			var questions = new ArrayList<Question>();
			for (var line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				var fields = line.split("\\|", -1);
				var answers = fields[3].isBlank() ? List.<String>of()
						: Arrays.stream(fields[3].split(";;")).map(String::strip).toList();
				questions.add(new Question(Kind.valueOf(fields[0].strip().toUpperCase(java.util.Locale.ROOT)),
						fields[1].strip(), Arrays.stream(fields[2].split(",")).map(String::strip).toList(), answers));
			}
			return new LabelledQuestions(List.copyOf(questions));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
