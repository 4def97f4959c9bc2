package ai.interconnects.archive.api;

import ai.interconnects.archive.web.JsonApi;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import ai.interconnects.archive.support.FormatsTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiTests extends FormatsTestSupport {

	@Autowired
	JsonMapper json;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void theSpecDescribesExactlyTheApiEndpoints() throws Exception {
		var spec = this.json.readTree(body("/api/v1/openapi.json"));

		assertThat(spec.get("openapi").asString()).startsWith("3.");
		var documented = new TreeSet<String>(spec.get("paths").propertyNames());
		var served = new TreeSet<String>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			if (method.getBeanType().isAnnotationPresent(JsonApi.class)
					&& info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
				for (var pattern : info.getPatternValues()) {
					if (!pattern.contains("**")) {
						served.add(pattern);
					}
				}
			}
		});
		assertThat(served).contains("/api/v1/episodes", "/api/v1/episodes/{slug}", "/api/v1/search",
				"/api/v1/speakers");
		assertThat(documented).isEqualTo(served);
	}

	@Test
	void theSpecNamesTheFieldsTheApiAnswersWith() throws Exception {
		ingestFixture();
		var spec = this.json.readTree(body("/api/v1/openapi.json"));
		var schemas = spec.get("components").get("schemas");

		assertThat(properties(schemas, "EpisodeSummary"))
			.isEqualTo(names(this.json.readTree(body("/api/v1/episodes")).get("episodes").get(0)));
		assertThat(properties(schemas, "EpisodeDetail"))
			.isEqualTo(names(this.json.readTree(body("/api/v1/episodes/" + DEAN_BALL))));
		assertThat(properties(schemas, "Speaker"))
			.isEqualTo(names(this.json.readTree(body("/api/v1/speakers")).get("speakers").get(0)));
		assertThat(properties(schemas, "Results")).isEqualTo(names(this.json.readTree(body("/api/v1/search?q=open"))));
		assertThat(spec.get("paths").get("/api/v1/episodes").get("get").get("parameters").findValuesAsString("name"))
			.containsExactlyInAnyOrder("page", "size", "since", "show");
		var notFound = spec.get("paths").get("/api/v1/episodes/{slug}").get("get").get("responses").get("404");
		assertThat(notFound.get("content").has("application/problem+json")).isTrue();
		assertThat(properties(schemas, "ProblemDetail")).contains("type", "title", "status", "detail", "instance");
	}

	private static Set<String> properties(tools.jackson.databind.JsonNode schemas, String name) {
		assertThat(schemas.has(name)).as(name).isTrue();
		return new HashSet<>(schemas.get(name).get("properties").propertyNames());
	}

	private static Set<String> names(tools.jackson.databind.JsonNode node) {
		return new HashSet<>(node.propertyNames());
	}

}
