package ai.interconnects.archive.show;

import ai.interconnects.archive.web.Slugs;

import org.springframework.stereotype.Component;

/**
 * A show read for the first time gets its slug from its title, by the rule of episode
 * slugs ({@code -2}, {@code -3} … on a clash); a show's slug is never changed after.
 */
@Component
public class ShowSlugs {

	private final PodcastRepository podcasts;

	ShowSlugs(PodcastRepository podcasts) {
		this.podcasts = podcasts;
	}

	/** Names {@code podcast} if it has a title and no slug yet; the caller saves it. */
	public void name(Podcast podcast) {
		if (podcast.entry().slug() != null || podcast.getTitle() == null) {
			return;
		}
		var base = Slugs.of(podcast.getTitle(), podcast.getConfiguredUrl(), "show-");
		var slug = base;
		for (int n = 2; this.podcasts.existsByEntrySlug(slug); n++) {
			slug = base + "-" + n;
		}
		podcast.entry().name(slug);
	}

}
