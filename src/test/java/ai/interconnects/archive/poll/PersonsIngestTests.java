package ai.interconnects.archive.poll;

import java.nio.charset.StandardCharsets;
import java.util.List;

import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.FeedServerExtension;
import ai.interconnects.archive.support.WithFeedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Storing {@code podcast:person}: per episode, a change in the persons is an update, an
 * unchanged feed stays unchanged.
 */
@WithFeedServer
@ArchiveTest
class PersonsIngestTests {

	static final FeedServer server = FeedServerExtension.server();

	static final String FEED = new String(FeedServer.resource("/feeds/persons-feed.xml"), StandardCharsets.UTF_8);

	@Autowired
	PollService polls;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
		server.reset();
	}

	@Test
	void eachEpisodeStoresTheItemsPersonsElseTheChannels() {
		serve(FEED);

		var run = this.polls.poll().orElseThrow();

		assertThat(run.getItemsNew()).isEqualTo(4);
		assertThat(persons("channel-persons-only")).containsExactly(
				"Ada Host|host|cast|https://peopletalk.example/ada.jpg|https://peopletalk.example/ada",
				"Pat Producer|producer|audio post-production|null|null");
		assertThat(persons("a-guest-joins")).containsExactly("Ada Host|host|cast|null|https://peopletalk.example/ada",
				"Grace Guest|guest|cast|https://grace.example/me.png|https://grace.example/",
				"Quiet Listener|guest|cast|null|null");
		assertThat(persons("older-namespace-uri")).containsExactly("Ola Oldns|guest|cast|null|null");
		assertThat(persons("hostile-persons")).hasSize(3).allMatch((row) -> !row.contains("javascript:"));
	}

	@Test
	void anUnchangedFeedIsUnchangedAndAChangedPersonIsAnUpdate() {
		serve(FEED);
		this.polls.poll().orElseThrow();

		var again = this.polls.poll().orElseThrow();
		assertThat(again.getItemsUnchanged()).isEqualTo(4);
		assertThat(again.getItemsUpdated()).isZero();

		serve(FEED.replace("<podcast:person role=\"guest\">Quiet Listener</podcast:person>",
				"<podcast:person role=\"co-host\">Quiet Listener</podcast:person>"));
		var changed = this.polls.poll().orElseThrow();

		assertThat(changed.getItemsUpdated()).isEqualTo(1);
		assertThat(changed.getItemsUnchanged()).isEqualTo(3);
		assertThat(persons("a-guest-joins")).last().isEqualTo("Quiet Listener|co-host|cast|null|null");
	}

	@Test
	void aChangeInTheChannelsPersonsUpdatesTheEpisodesThatUseThem() {
		serve(FEED);
		this.polls.poll().orElseThrow();

		serve(FEED.replace(
				"<podcast:person role=\"Producer\" group=\"Audio Post-Production\">Pat Producer</podcast:person>", ""));
		var run = this.polls.poll().orElseThrow();

		assertThat(run.getItemsUpdated()).isEqualTo(1);
		assertThat(persons("channel-persons-only"))
			.containsExactly("Ada Host|host|cast|https://peopletalk.example/ada.jpg|https://peopletalk.example/ada");
	}

	private List<String> persons(String slug) {
		return this.jdbc.sql("""
				select p.name || '|' || p.role || '|' || p.person_group || '|' || coalesce(p.img_url, 'null') || '|'
				       || coalesce(p.href, 'null')
				from episode_person p join episode e on e.id = p.episode_id
				where e.slug = ? order by p.position""").param(slug).query(String.class).list();
	}

	private static void serve(String feed) {
		server.respond("/feed.xml", 200, feed.getBytes(StandardCharsets.UTF_8), "Content-Type",
				"application/rss+xml; charset=utf-8");
	}

}
