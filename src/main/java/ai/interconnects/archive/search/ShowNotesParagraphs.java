package ai.interconnects.archive.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.interconnects.archive.search.meaning.MeaningSearch;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Episodes' show notes, paragraph by paragraph as search by meaning numbers them
 * ({@link MeaningSearch#notesParagraphs}), each with its analysed vector: the notes
 * paragraphs a page of results can show. Parsing the notes' HTML and analysing every
 * paragraph again for each page cost a sixth of a plain-language search (BENCHMARKS.md,
 * "Run J"), so they are kept for the last {@link #EPISODES} episodes asked for (and at
 * most {@link #CHARACTERS} characters), while their notes stay the same: each request
 * compares a digest of the stored notes.
 */
@Repository
class ShowNotesParagraphs {

	/** Episodes whose paragraphs are kept, the least recently asked for dropped first. */
	static final int EPISODES = 1_000;

	/**
	 * Characters kept, texts and analysed vectors together (about twice as many bytes):
	 * long notes cannot make the kept paragraphs large.
	 */
	static final long CHARACTERS = 8_000_000;

	/**
	 * A paragraph of an episode's notes: {@code vector} is its tsvector in PostgreSQL's
	 * text form (as {@link LexemeCounts#of} reads it), {@code length} its tokens, as a
	 * transcript paragraph's length is counted.
	 */
	record Paragraph(long episodeId, int position, String text, String vector, int length) {
	}

	private record Kept(String digest, List<Paragraph> paragraphs, long characters) {

		Kept(String digest, List<Paragraph> paragraphs) {
			this(digest, paragraphs,
					paragraphs.stream().mapToLong((p) -> p.text().length() + (long) p.vector().length()).sum());
		}

	}

	private final JdbcClient jdbc;

	private final int maxEpisodes;

	private final long maxCharacters;

	/** Guarded by itself, as {@link #characters} is. */
	private final Map<Long, Kept> kept = new LinkedHashMap<>(64, 0.75f, true);

	private long characters;

	@Autowired
	ShowNotesParagraphs(JdbcClient jdbc) {
		this(jdbc, EPISODES, CHARACTERS);
	}

	ShowNotesParagraphs(JdbcClient jdbc, int maxEpisodes, long maxCharacters) {
		this.jdbc = jdbc;
		this.maxEpisodes = maxEpisodes;
		this.maxCharacters = maxCharacters;
	}

	/** The notes paragraphs of the episodes, by episode id, then position. */
	List<Paragraph> of(Collection<Long> episodeIds) {
		if (episodeIds.isEmpty()) {
			return List.of();
		}
		var digests = new LinkedHashMap<Long, String>();
		this.jdbc
			.sql("select id, md5(coalesce(show_notes_html, '')) as digest from episode where id in (:ids) order by id")
			.param("ids", episodeIds)
			.query((rs) -> {
				digests.put(rs.getLong("id"), rs.getString("digest"));
			});
		var found = new HashMap<Long, List<Paragraph>>();
		var missing = new ArrayList<Long>();
		synchronized (this.kept) {
			digests.forEach((id, digest) -> {
				var k = this.kept.get(id);
				if (k != null && k.digest().equals(digest)) {
					found.put(id, k.paragraphs());
				}
				else {
					missing.add(id);
				}
			});
		}
		if (!missing.isEmpty()) {
			var read = read(missing, digests);
			synchronized (this.kept) {
				read.forEach(this::keep);
			}
			read.forEach((id, k) -> found.put(id, k.paragraphs()));
		}
		var paragraphs = new ArrayList<Paragraph>();
		digests.keySet().forEach((id) -> paragraphs.addAll(found.getOrDefault(id, List.of())));
		return paragraphs;
	}

	/**
	 * Keeps one episode's paragraphs, dropping the least recently asked for beyond the
	 * bounds.
	 */
	private void keep(long episodeId, Kept paragraphs) {
		var previous = this.kept.put(episodeId, paragraphs);
		this.characters += paragraphs.characters() - ((previous != null) ? previous.characters() : 0);
		var eldest = this.kept.entrySet().iterator();
		while ((this.kept.size() > this.maxEpisodes || this.characters > this.maxCharacters) && eldest.hasNext()) {
			this.characters -= eldest.next().getValue().characters();
			eldest.remove();
		}
	}

	/**
	 * The episodes' notes split into paragraphs here, then each analysed by the database,
	 * as the stored texts are; kept under the digests read before. (Notes edited in
	 * between are kept under the old digest, so the next request reads them again.)
	 */
	private Map<Long, Kept> read(List<Long> episodeIds, Map<Long, String> digests) {
		var texts = new ArrayList<Paragraph>();
		this.jdbc.sql("select id, show_notes_html from episode where id in (:ids)")
			.param("ids", episodeIds)
			.query((rs) -> {
				long id = rs.getLong("id");
				var split = MeaningSearch.notesParagraphs(rs.getString("show_notes_html"));
				for (int i = 0; i < split.size(); i++) {
					texts.add(new Paragraph(id, i, split.get(i), null, 0));
				}
			});
		var byEpisode = new HashMap<Long, List<Paragraph>>();
		episodeIds.forEach((id) -> byEpisode.put(id, new ArrayList<>()));
		if (!texts.isEmpty()) {
			this.jdbc.sql("""
					select a.ord, v.vector::text as vector, archive_search_length(v.vector) as length
					from unnest(:texts::text[]) with ordinality as a(text, ord)
					cross join lateral (select to_tsvector('archive_search', archive_search_text(a.text)) as vector) v
					order by a.ord
					""").param("texts", texts.stream().map(Paragraph::text).toArray(String[]::new)).query((rs) -> {
				var p = texts.get(rs.getInt("ord") - 1);
				byEpisode.get(p.episodeId())
					.add(new Paragraph(p.episodeId(), p.position(), p.text(), rs.getString("vector"),
							rs.getInt("length")));
			});
		}
		var kept = new HashMap<Long, Kept>();
		byEpisode.forEach((id, paragraphs) -> kept.put(id, new Kept(digests.get(id), List.copyOf(paragraphs))));
		return kept;
	}

	/**
	 * The paragraphs' texts by {@link #key}, as {@link HybridMoments#shown} takes them.
	 */
	static Map<String, String> texts(List<Paragraph> paragraphs) {
		var texts = new HashMap<String, String>();
		paragraphs.forEach((p) -> texts.put(key(p.episodeId(), p.position()), p.text()));
		return texts;
	}

	static String key(long episodeId, int position) {
		return episodeId + ":" + position;
	}

}
