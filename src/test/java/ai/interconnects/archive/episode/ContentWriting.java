package ai.interconnects.archive.episode;

import ai.interconnects.archive.show.ShowRows;
import ai.interconnects.archive.support.TestArchive;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What the database slice needs to write test data through the owners' doors
 * ({@link TestArchive}): the show rows, the content owner's write rule for whole episodes
 * and its helpers, and the catalog to read them back. Nothing of the web, the poller or
 * search.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ ShowRows.class, ImportedEpisodes.class, EpisodeContent.class, EpisodePersons.class, EpisodeAlternates.class,
		EpisodeSlugs.class, EpisodeCatalog.class, SpeakerQueries.class })
public class ContentWriting {

	@Bean
	TestArchive testArchive(ShowRows shows, ImportedEpisodes episodes, PlatformTransactionManager transactions,
			JdbcClient jdbc) {
		return new TestArchive(shows, episodes, transactions, jdbc);
	}

}
