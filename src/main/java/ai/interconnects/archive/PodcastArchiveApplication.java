package ai.interconnects.archive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PodcastArchiveApplication {

	public static void main(String[] args) {
		SpringApplication.run(PodcastArchiveApplication.class, args);
	}

}
