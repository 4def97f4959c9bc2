package ai.interconnects.archive.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stylesheet's blocks are balanced. A stray closing brace is no error to a browser:
 * it silently drops the rule that follows it (the admin pages lost their layout that way,
 * and no page test noticed).
 */
class StylesheetTests {

	@Test
	void everyBlockOfTheStylesheetIsClosedOnceAndOnlyOnce() throws IOException {
		var css = Files.readString(Path.of("src/main/resources/static/css/archive.css"))
			.replaceAll("(?s)/\\*.*?\\*/", "")
			.replaceAll("\"[^\"\\n]*\"|'[^'\\n]*'", "\"\"");
		int depth = 0;
		int line = 1;
		for (int i = 0; i < css.length(); i++) {
			char c = css.charAt(i);
			if (c == '\n') {
				line++;
			}
			else if (c == '{') {
				depth++;
			}
			else if (c == '}') {
				depth--;
				assertThat(depth).as("a closing brace with no block open, near line %d (comments removed)", line)
					.isNotNegative();
			}
		}
		assertThat(depth).as("blocks left open at the end").isZero();
	}

}
