package ai.interconnects.archive.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reading pages' script stays a set of small modules, one job each, as the Java side
 * is held to short files: no module over {@value #MAX_MODULE_LINES} lines and no
 * top-level function (counted with the functions inside it) over
 * {@value #MAX_FUNCTION_LINES}.
 */
class ScriptModulesTests {

	static final int MAX_MODULE_LINES = 250;

	static final int MAX_FUNCTION_LINES = 80;

	private static final Path SCRIPTS = Path.of("src/main/resources/static/js");

	/** A function declared at the top level of a module (its body ends at a "}" line). */
	private static final Pattern TOP_LEVEL_FUNCTION = Pattern.compile("^(export )?(async )?function\\*? ?(\\w+)");

	@Test
	void modulesAndTheirFunctionsStayShort() throws IOException {
		var tooLong = new ArrayList<String>();
		for (var module : modules()) {
			var lines = Files.readAllLines(module);
			if (lines.size() > MAX_MODULE_LINES) {
				tooLong.add(module.getFileName() + " (" + lines.size() + " lines)");
			}
			for (int i = 0; i < lines.size(); i++) {
				var function = TOP_LEVEL_FUNCTION.matcher(lines.get(i));
				if (function.find()) {
					int end = i;
					while (end < lines.size() && !lines.get(end).equals("}")) {
						end++;
					}
					if (end - i + 1 > MAX_FUNCTION_LINES) {
						tooLong
							.add(module.getFileName() + " " + function.group(3) + "() (" + (end - i + 1) + " lines)");
					}
				}
			}
		}
		assertThat(tooLong).isEmpty();
	}

	@Test
	void theCheckSeesEveryModule() throws IOException {
		assertThat(modules()).extracting((path) -> path.getFileName().toString())
			.contains("archive.js", "player.js", "follower.js", "find.js", "share.js");
	}

	private static List<Path> modules() throws IOException {
		try (Stream<Path> files = Files.list(SCRIPTS)) {
			return files.filter((path) -> path.toString().endsWith(".js")).sorted().toList();
		}
	}

}
