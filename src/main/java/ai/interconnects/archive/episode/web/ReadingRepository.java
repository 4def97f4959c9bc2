package ai.interconnects.archive.episode.web;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import ai.interconnects.archive.episode.Episode;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The queries only the reading pages make (the others are the episode repositories'):
 * each method is one SQL statement, so a page costs a fixed number of queries however
 * many chapters or paragraphs it shows.
 */
interface ReadingRepository extends Repository<Episode, Long> {

	/**
	 * Archive cards, newest first, with chapter and paragraph counts as subqueries. The
	 * episodes of an episodic show ({@code itunes:type}) that numbers them come first, by
	 * season and number (a re-release keeps its place), then the others by date.
	 */
	@Query("""
			select new ai.interconnects.archive.episode.web.EpisodeCard(e.id, e.slug, e.title, e.publishedAt, e.durationSeconds,
				e.summary, e.placement.season, e.placement.number,
				(select count(c) from Chapter c where c.episodeId = e.id),
				(select count(s) from TranscriptSegment s where s.episodeId = e.id))
			from Episode e join Podcast p on p.id = e.podcastId
			order by case when p.showType = 'episodic' then e.placement.season end desc nulls last,
				case when p.showType = 'episodic' then e.placement.number end desc nulls last,
				e.publishedAt desc nulls last, e.id desc""")
	List<EpisodeCard> findCards(Pageable page);

	/** {@link #findCards} of one show: its own archive page in a library. */
	@Query("""
			select new ai.interconnects.archive.episode.web.EpisodeCard(e.id, e.slug, e.title, e.publishedAt, e.durationSeconds,
				e.summary, e.placement.season, e.placement.number,
				(select count(c) from Chapter c where c.episodeId = e.id),
				(select count(s) from TranscriptSegment s where s.episodeId = e.id))
			from Episode e join Podcast p on p.id = e.podcastId
			where p.id = :podcastId
			order by case when p.showType = 'episodic' then e.placement.season end desc nulls last,
				case when p.showType = 'episodic' then e.placement.number end desc nulls last,
				e.publishedAt desc nulls last, e.id desc""")
	List<EpisodeCard> findShowCards(long podcastId, Pageable page);

	@Query("select count(e) from Episode e where e.podcastId = :podcastId")
	long countShowEpisodes(long podcastId);

	/** The next newer episode (by publication time, then id). */
	@Query("""
			select new ai.interconnects.archive.episode.web.Neighbour(e.slug, e.title) from Episode e
			where e.publishedAt > :publishedAt or (e.publishedAt = :publishedAt and e.id > :id)
			order by e.publishedAt asc, e.id asc""")
	List<Neighbour> findNewer(Instant publishedAt, long id, Pageable first);

	/** The next older episode (by publication time, then id). */
	@Query("""
			select new ai.interconnects.archive.episode.web.Neighbour(e.slug, e.title) from Episode e
			where e.publishedAt < :publishedAt or (e.publishedAt = :publishedAt and e.id < :id)
			order by e.publishedAt desc, e.id desc""")
	List<Neighbour> findOlder(Instant publishedAt, long id, Pageable first);

	/** {@link #findNewer} within one show of a library. */
	@Query("""
			select new ai.interconnects.archive.episode.web.Neighbour(e.slug, e.title) from Episode e
			where e.podcastId = :podcastId
			  and (e.publishedAt > :publishedAt or (e.publishedAt = :publishedAt and e.id > :id))
			order by e.publishedAt asc, e.id asc""")
	List<Neighbour> findNewerInShow(Instant publishedAt, long id, long podcastId, Pageable first);

	/** {@link #findOlder} within one show of a library. */
	@Query("""
			select new ai.interconnects.archive.episode.web.Neighbour(e.slug, e.title) from Episode e
			where e.podcastId = :podcastId
			  and (e.publishedAt < :publishedAt or (e.publishedAt = :publishedAt and e.id < :id))
			order by e.publishedAt desc, e.id desc""")
	List<Neighbour> findOlderInShow(Instant publishedAt, long id, long podcastId, Pageable first);

	/** A page of the episodes that have chapters, newest first. */
	@Query("""
			select e.id from Episode e
			where exists (select 1 from Chapter c where c.episodeId = e.id)
			order by e.publishedAt desc nulls last, e.id desc""")
	List<Long> findEpisodesWithChapters(Pageable page);

	@Query("select count(e) from Episode e where exists (select 1 from Chapter c where c.episodeId = e.id)")
	long countEpisodesWithChapters();

	/**
	 * {@link #findEpisodesWithChapters} of a library: show by show (as the list of shows
	 * orders them), each newest first.
	 */
	@Query("""
			select e.id from Episode e
			where exists (select 1 from Chapter c where c.episodeId = e.id)
			order by e.podcastId, e.publishedAt desc nulls last, e.id desc""")
	List<Long> findEpisodesWithChaptersByShow(Pageable page);

	/** {@link #findEpisodesWithChapters} of one show. */
	@Query("""
			select e.id from Episode e
			where e.podcastId = :podcastId and exists (select 1 from Chapter c where c.episodeId = e.id)
			order by e.publishedAt desc nulls last, e.id desc""")
	List<Long> findShowEpisodesWithChapters(long podcastId, Pageable page);

	@Query("""
			select count(e) from Episode e
			where e.podcastId = :podcastId and exists (select 1 from Chapter c where c.episodeId = e.id)""")
	long countShowEpisodesWithChapters(long podcastId);

	/** The chapters of these episodes, grouped by episode (newest first). */
	@Query("""
			select new ai.interconnects.archive.episode.web.ChapterRow(e.id, e.slug, e.title, e.publishedAt, e.durationSeconds,
				c.position, c.startSeconds, c.endSeconds, c.title)
			from Chapter c join Episode e on e.id = c.episodeId
			where e.id in :episodeIds
			order by e.publishedAt desc nulls last, e.id desc, c.position""")
	List<ChapterRow> findChapters(Collection<Long> episodeIds);

	/**
	 * The failure recorded for the episode's transcript file when its last fetch failed
	 * (no row, or no failure: it was read, or it has not been tried yet).
	 */
	@Query("""
			select f.failure from EpisodeFile f
			where f.episodeId = :episodeId and f.failure is not null
			  and f.kind = ai.interconnects.archive.episode.EpisodeFile.Kind.TRANSCRIPT""")
	List<String> findTranscriptFileFailure(long episodeId);

}
