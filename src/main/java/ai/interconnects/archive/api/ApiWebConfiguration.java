package ai.interconnects.archive.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * CORS: the API and the per-episode files are public data, readable by scripts and web
 * players on any origin, without credentials.
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		for (var path : new String[] { "/api/v1/**", "/episodes/*/transcript.*", "/episodes/*/chapters.json",
				"/feed.xml" }) {
			registry.addMapping(path).allowedOrigins("*").allowedMethods("GET", "HEAD").maxAge(3600);
		}
	}

}
