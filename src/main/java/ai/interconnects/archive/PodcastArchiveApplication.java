package ai.interconnects.archive;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PodcastArchiveApplication {

	public static void main(String[] args) {
		SpringApplication.run(PodcastArchiveApplication.class, args);
	}

	/**
	 * The one clock the archive reads the time from (tests construct beans with their
	 * own).
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
