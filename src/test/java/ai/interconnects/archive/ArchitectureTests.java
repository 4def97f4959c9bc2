package ai.interconnects.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package shape (see README, Architecture), stated so that a new feature package is
 * held to it without being listed: feature packages sit between the cross-cutting
 * {@code web} package below and the operator's {@code admin} package above, a feature's
 * pages ({@code x.web}) are used by nobody, the feed client knows no feature, and a
 * feature's Spring beans are package-private unless another package uses them, no main
 * source file grows past 250 lines, no package imports one above it, and the content
 * tables are named in SQL only by their owner (and search).
 */
class ArchitectureTests {

	private static final String ROOT = "ai.interconnects.archive";

	private static final int MAX_LINES = 250;

	/**
	 * The packages from the top down; a package may import only packages on a lower line.
	 * A new package takes its place here.
	 */
	private static final List<Set<String>> LAYERS = List.of(Set.of("admin"), Set.of("api", "syndication"),
			Set.of("poll"), Set.of("episode"), Set.of("search"), Set.of("show"), Set.of("transcript"),
			Set.of("feed", "library"), Set.of("db"), Set.of("web"), Set.of(""));

	/** The tables episode/ owns. */
	private static final List<String> CONTENT_TABLES = List.of("episode", "chapter", "transcript_segment",
			"episode_person", "episode_file", "episode_revision", "episode_speaker");

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	@Test
	void packagesDependOnEachOtherOneWayOnly() {
		slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(MAIN);
	}

	@Test
	void noPackageImportsAPackageAboveIt() {
		// Whole packages, sub-packages included (episode.web is episode): a slice rule
		// per sub-package would let feed and episode lean on each other unseen.
		classes().should(new ArchCondition<>("depend only on packages below their own (" + LAYERS + ")") {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				int from = level(type);
				for (var dependency : type.getDirectDependenciesFromSelf()) {
					var target = dependency.getTargetClass();
					if (!target.getPackageName().startsWith(ROOT) || topPackage(target).equals(topPackage(type))) {
						continue;
					}
					if (level(target) <= from) {
						events.add(SimpleConditionEvent.violated(type, dependency.getDescription() + ": "
								+ topPackage(type) + " may not use " + topPackage(target) + " (same level or above)"));
					}
				}
			}

		}).check(MAIN);
	}

	@Test
	void theContentTablesAreNamedInSqlOnlyByTheirOwnerAndSearch() throws IOException {
		// episode/ owns them and publishes EpisodeCatalog; search/ keeps its own SQL over
		// them (its contract with the schema is its migrations).
		var table = Pattern.compile("(?i)\\b(from|join|into|update)\\s+(" + String.join("|", CONTENT_TABLES) + ")\\b");
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java", ROOT.split("\\.")))) {
			var outside = sources.filter((path) -> path.toString().endsWith(".java"))
				.filter((path) -> !path.toString().contains("/episode/") && !path.toString().contains("/search/"))
				.filter((path) -> table.matcher(withoutComments(path)).find())
				.map(Path::toString)
				.toList();
			assertThat(outside).as("main files naming %s in SQL", CONTENT_TABLES).isEmpty();
		}
	}

	@Test
	void theCrossCuttingWebPackageDependsOnNoFeature() {
		classes().that()
			.resideInAPackage(ROOT + ".web..")
			.should()
			.onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..").or(resideInAPackage(ROOT + ".web..")))
			.check(MAIN);
	}

	@Test
	void aFeaturesPagesAreUsedByNoOtherPackage() {
		// Controllers and their view records are the top of a feature: nothing calls
		// them.
		noClasses().that()
			.resideOutsideOfPackage(ROOT + ".*.web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(ROOT + ".*.web..")
			.check(MAIN);
	}

	@Test
	void onlyTheOperatorsPackageUsesIt() {
		noClasses().that()
			.resideOutsideOfPackage(ROOT + ".admin..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(ROOT + ".admin..")
			.check(MAIN);
	}

	@Test
	void theFeedClientKnowsNoFeature() {
		classes().that()
			.resideInAPackage(ROOT + ".feed.client..")
			.should()
			.onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..").or(resideInAPackage(ROOT + ".feed.client.."))
				.or(resideInAPackage(ROOT + ".web..")))
			.check(MAIN);
	}

	@Test
	void controllersArePackagePrivate() {
		classes().that().areAnnotatedWith(Controller.class).should().notBePublic().check(MAIN);
	}

	@Test
	void aFeaturesBeansArePublicOnlyWhenAnotherPackageUsesThem() {
		// The cross-cutting web package is left out: its beans serve the templates.
		classes().that()
			.areMetaAnnotatedWith(Component.class)
			.and()
			.areNotAnnotatedWith(SpringBootApplication.class)
			.and()
			.resideOutsideOfPackage(ROOT + ".web..")
			.and()
			.arePublic()
			.should(beUsedOutsideTheirPackage())
			.check(MAIN);
	}

	@Test
	void aFeaturesRepositoriesArePublicOnlyWhenAnotherPackageUsesThem() {
		classes().that()
			.areAssignableTo(Repository.class)
			.and()
			.arePublic()
			.should(beUsedOutsideTheirPackage())
			.check(MAIN);
	}

	@Test
	void theArchivesSettingsAreReadOnlyThroughTheirValidatedRecords() {
		// @Value("${archive.…}") restates a default and a rule that the record already
		// holds (and skips its validation); Boot's own keys may still come that way.
		classes().should(new ArchCondition<>("read no archive.* setting through @Value") {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				var members = new ArrayList<HasAnnotations<?>>(type.getFields());
				type.getCodeUnits().forEach((unit) -> members.addAll(unit.getParameters()));
				for (var member : members) {
					member.tryGetAnnotationOfType(Value.class)
						.filter((value) -> value.value().contains("${archive."))
						.ifPresent((value) -> events.add(SimpleConditionEvent.violated(type,
								type.getName() + " reads " + value.value() + " through @Value")));
				}
			}

		}).check(MAIN);
	}

	@Test
	void noMainSourceFileIsLongerThanAScreenfulOrTwo() throws IOException {
		// The size where a class stops reading as one job (the models this code follows
		// stay under 200): past it, split along a responsibility, not by squeezing lines.
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			var tooLong = sources.filter((path) -> path.toString().endsWith(".java"))
				.filter((path) -> lineCount(path) > MAX_LINES)
				.map((path) -> path + " (" + lineCount(path) + " lines)")
				.toList();
			assertThat(tooLong).as("main source files over %d lines", MAX_LINES).isEmpty();
		}
	}

	private static int level(JavaClass type) {
		var top = topPackage(type);
		for (int i = 0; i < LAYERS.size(); i++) {
			if (LAYERS.get(i).contains(top)) {
				return i;
			}
		}
		throw new AssertionError("Package " + top + " of " + type.getName() + " has no place in LAYERS");
	}

	/** The package under the root a class belongs to ("" for the root itself). */
	private static String topPackage(JavaClass type) {
		var name = type.getPackageName();
		if (name.length() <= ROOT.length()) {
			return "";
		}
		var rest = name.substring(ROOT.length() + 1);
		int dot = rest.indexOf('.');
		return (dot < 0) ? rest : rest.substring(0, dot);
	}

	private static String withoutComments(Path path) {
		try {
			return Files.readString(path).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long lineCount(Path path) {
		try (Stream<String> lines = Files.lines(path)) {
			return lines.count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ArchCondition<JavaClass> beUsedOutsideTheirPackage() {
		return new ArchCondition<>("be used from another package (or be package-private)") {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				boolean usedElsewhere = type.getDirectDependenciesToSelf()
					.stream()
					.anyMatch((
							dependency) -> !dependency.getOriginClass().getPackageName().equals(type.getPackageName()));
				if (!usedElsewhere) {
					events.add(SimpleConditionEvent.violated(type, type.getName() + " is public but only used inside "
							+ type.getPackageName() + ": make it package-private"));
				}
			}

		};
	}

}
