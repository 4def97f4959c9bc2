package ai.interconnects.archive.show;

import ai.interconnects.archive.feed.client.FeedProperties;
import ai.interconnects.archive.web.Site;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the site is called before the first poll has read the feed's channel: the
 * Interconnects archive for the default feed, a neutral name for any other, so that an
 * archive of another show never says Interconnects, not even on its first error page.
 */
@Configuration(proxyBeanMethods = false)
class SiteNameConfiguration {

	@Bean
	Site siteBeforeFirstPoll(FeedProperties feed) {
		return feed.archivesInterconnects() ? Site.INTERCONNECTS : Site.UNNAMED;
	}

}
