package ai.interconnects.archive.api;

import ai.interconnects.archive.web.CurrentSite;
import ai.interconnects.archive.web.PublicPaths;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * CORS: the API and the per-episode files are public data, readable by scripts and web
 * players on any origin, without credentials. The OpenAPI description's title names the
 * archive (springdoc's default is "OpenAPI definition v0").
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		for (var path : PublicPaths.OPEN_DATA) {
			registry.addMapping(path).allowedOrigins("*").allowedMethods("GET", "HEAD").maxAge(3600);
		}
	}

	@Bean
	OpenApiCustomizer archiveApiInfo(CurrentSite site) {
		return (openApi) -> openApi.info(new Info().title(site.get().name() + " API")
			.version("v1")
			.description("Read-only JSON for scripts and tools: episodes with their chapters, transcripts and "
					+ "people, the speakers, and the search of the /search page. Described for people at /api."));
	}

}
