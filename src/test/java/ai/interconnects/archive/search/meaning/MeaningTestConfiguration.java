package ai.interconnects.archive.search.meaning;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;

/** The settings of search by meaning, for slices that start the search services. */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(MeaningProperties.class)
public class MeaningTestConfiguration {

}
