package ai.interconnects.archive.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Script modules under content-hashed URLs: each import names the imported module's
 * hashed URL, and a change anywhere below a module changes its own URL, so that a module
 * cached for a year never imports a stale one.
 */
class AssetsTests {

	private static final Pattern IMPORTED = Pattern.compile("(?:from|import)\\s*'\\./([^']+)'");

	@Test
	void everyImportOfTheArchiveScriptNamesAHashedModuleThatIsServed() {
		var assets = new Assets();

		var entry = text(assets, assets.url("/js/archive.js"));

		var imported = IMPORTED.matcher(entry).results().map((m) -> m.group(1)).toList();
		assertThat(imported).isNotEmpty().allMatch((name) -> name.matches("[a-z0-9_-]+-[0-9a-f]{32}\\.js"));
		for (var module : assets.imports("/js/archive.js")) {
			assertThat(module).matches("/js/[a-z0-9_-]+-[0-9a-f]{32}\\.js");
			var source = text(assets, module);
			assertThat(IMPORTED.matcher(source).results().map((m) -> m.group(1)))
				.allMatch((name) -> assets.atHashedPath("/js/" + name) != null);
		}
		assertThat(assets.imports("/js/archive.js")).as("one level of imports and the levels below")
			.containsAll(imported.stream().map((name) -> "/js/" + name).toList())
			.hasSizeGreaterThan(imported.size())
			.doesNotHaveDuplicates();
	}

	@Test
	void aChangeInAModuleTwoImportsDownChangesTheEntrysUrl() {
		var one = new Assets("assets/one", List.of("/js/main.js"));
		var two = new Assets("assets/two", List.of("/js/main.js"));

		assertThat(two.url("/js/c.js")).isNotEqualTo(one.url("/js/c.js"));
		assertThat(two.url("/js/b.js")).isNotEqualTo(one.url("/js/b.js"));
		assertThat(two.url("/js/main.js")).isNotEqualTo(one.url("/js/main.js"));
		var main = text(one, one.url("/js/main.js"));
		assertThat(main).contains("from './" + one.url("/js/b.js").substring(4) + "'")
			.contains("} from './" + one.url("/js/c.js").substring(4) + "'")
			.contains("it comes from 'the feed'")
			.contains("'from here'");
		assertThat(text(one, one.url("/js/b.js"))).contains("export { c as b } from './c-");
		assertThat(one.imports("/js/main.js")).containsExactly(one.url("/js/b.js"), one.url("/js/c.js"));
	}

	@Test
	void modulesThatImportEachOtherFailAtStartUp() {
		assertThatIllegalStateException().isThrownBy(() -> new Assets("assets/cycle", List.of("/js/a.js")))
			.withMessageContaining("cycle")
			.withMessageContaining("/js/a.js");
	}

	@Test
	void anImportFromElsewhereFailsAtStartUp() {
		assertThatIllegalStateException().isThrownBy(() -> new Assets("assets/bare", List.of("/js/a.js")))
			.withMessageContaining("https://cdn.example.org/x.js")
			.withMessageContaining("only sibling modules");
	}

	private static String text(Assets assets, String hashedPath) {
		var asset = assets.atHashedPath(hashedPath);
		assertThat(asset).as(hashedPath).isNotNull();
		return new String(asset.bytes(), StandardCharsets.UTF_8);
	}

}
