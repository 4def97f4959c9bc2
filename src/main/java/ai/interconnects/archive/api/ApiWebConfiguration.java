package ai.interconnects.archive.api;

import ai.interconnects.archive.web.PublicPaths;

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
		for (var path : PublicPaths.OPEN_DATA) {
			registry.addMapping(path).allowedOrigins("*").allowedMethods("GET", "HEAD").maxAge(3600);
		}
	}

}
