package ai.interconnects.archive.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import ai.interconnects.archive.episode.Chapter;
import ai.interconnects.archive.episode.Episode;
import ai.interconnects.archive.episode.TranscriptSegment;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The read side of the pages: each method is one SQL statement, so a page costs a fixed
 * number of queries however many chapters or paragraphs it shows.
 */
interface ReadingRepository extends Repository<Episode, Long> {

	/** Archive cards, newest first, with chapter and paragraph counts as subqueries. */
	@Query("""
			select new ai.interconnects.archive.web.EpisodeCard(e.slug, e.title, e.publishedAt, e.durationSeconds,
				e.summary,
				(select count(c) from Chapter c where c.episodeId = e.id),
				(select count(s) from TranscriptSegment s where s.episodeId = e.id))
			from Episode e
			order by e.publishedAt desc nulls last, e.id desc""")
	List<EpisodeCard> findCards(Pageable page);

	@Query("select count(e) from Episode e")
	long countEpisodes();

	Optional<Episode> findBySlug(String slug);

	/** The next newer episode (by publication time, then id). */
	@Query("""
			select new ai.interconnects.archive.web.Neighbour(e.slug, e.title) from Episode e
			where e.publishedAt > :publishedAt or (e.publishedAt = :publishedAt and e.id > :id)
			order by e.publishedAt asc, e.id asc""")
	List<Neighbour> findNewer(Instant publishedAt, long id, Pageable first);

	/** The next older episode (by publication time, then id). */
	@Query("""
			select new ai.interconnects.archive.web.Neighbour(e.slug, e.title) from Episode e
			where e.publishedAt < :publishedAt or (e.publishedAt = :publishedAt and e.id < :id)
			order by e.publishedAt desc, e.id desc""")
	List<Neighbour> findOlder(Instant publishedAt, long id, Pageable first);

	@Query("select c from Chapter c where c.episodeId = :episodeId order by c.position")
	List<Chapter> findChapters(long episodeId);

	@Query("select s from TranscriptSegment s where s.episodeId = :episodeId order by s.position")
	List<TranscriptSegment> findSegments(long episodeId);

	@Query("select count(s) from TranscriptSegment s where s.episodeId = :episodeId")
	long countSegments(long episodeId);

	/** Every chapter of every episode, grouped by episode (newest first). */
	@Query("""
			select new ai.interconnects.archive.web.ChapterRow(e.id, e.slug, e.title, e.publishedAt, e.durationSeconds,
				c.position, c.startSeconds, c.title)
			from Chapter c join Episode e on e.id = c.episodeId
			order by e.publishedAt desc nulls last, e.id desc, c.position""")
	List<ChapterRow> findAllChapters();

}
