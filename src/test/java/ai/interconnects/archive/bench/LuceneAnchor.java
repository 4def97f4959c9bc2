package ai.interconnects.archive.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.jsoup.Jsoup;

/**
 * The benchmark's anchor: the same generated archive indexed in Apache Lucene, one
 * document per episode with the same four fields (title, chapter titles, notes text,
 * speech), EnglishAnalyzer, BM25 (k1 1.2, b 0.75) per field with the app's field weights
 * as boosts (Lucene core has no BM25F, so this is a weighted sum of per-field BM25). Each
 * segment and chapter title is its own value of a multi-valued field with a position gap
 * of 100, so a phrase cannot run across two segments; the words of an AND query, as usual
 * in Lucene, may be anywhere in the episode. Speech is also indexed per speaker
 * ({@code speech@name}) for the speaker filter.
 */
final class LuceneAnchor implements AutoCloseable {

	static final Map<String, Float> WEIGHTS = Map.of("title", 8f, "chapters", 4f, "notes", 2f, "speech", 1f);

	private final Analyzer analyzer;

	private final DirectoryReader reader;

	private final IndexSearcher searcher;

	private LuceneAnchor(Analyzer analyzer, DirectoryReader reader) {
		this.analyzer = analyzer;
		this.reader = reader;
		this.searcher = new IndexSearcher(reader);
		this.searcher.setSimilarity(new BM25Similarity(1.2f, 0.75f));
	}

	static Analyzer analyzer() {
		var english = new EnglishAnalyzer();
		return new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
			@Override
			protected Analyzer getWrappedAnalyzer(String fieldName) {
				return english;
			}

			@Override
			public int getPositionIncrementGap(String fieldName) {
				return 100;
			}
		};
	}

	/** Opens the index in {@code dir}, building it from the database first if absent. */
	static LuceneAnchor open(Path dir, Connection connection) throws IOException, SQLException {
		var analyzer = analyzer();
		if (!Files.exists(dir.resolve("done"))) {
			long started = System.nanoTime();
			build(dir, connection, analyzer);
			Files.writeString(dir.resolve("done"), "");
			System.out.printf("lucene index %s built in %d s%n", dir, (System.nanoTime() - started) / 1_000_000_000);
		}
		return new LuceneAnchor(analyzer, DirectoryReader.open(FSDirectory.open(dir)));
	}

	private static void build(Path dir, Connection connection, Analyzer analyzer) throws IOException, SQLException {
		var config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity(1.2f, 0.75f))
			.setOpenMode(IndexWriterConfig.OpenMode.CREATE)
			.setRAMBufferSizeMB(256);
		try (var writer = new IndexWriter(FSDirectory.open(dir), config);
				var episodes = connection.createStatement()
					.executeQuery("select id, title, show_notes_html, extract(epoch from published_at)::bigint, "
							+ "podcast_id from episode order by id")) {
			var chapters = connection
				.prepareStatement("select title from chapter where episode_id = ? order by position");
			var segments = connection.prepareStatement(
					"select speaker, text from transcript_segment where episode_id = ? order by position");
			while (episodes.next()) {
				long id = episodes.getLong(1);
				var doc = new Document();
				doc.add(new StoredField("id", id));
				doc.add(new LongPoint("published", episodes.getLong(4)));
				doc.add(new NumericDocValuesField("published", episodes.getLong(4)));
				doc.add(new LongPoint("show", episodes.getLong(5)));
				doc.add(new TextField("title", episodes.getString(2), Field.Store.NO));
				doc.add(new TextField("notes", Jsoup.parse(episodes.getString(3)).text(), Field.Store.NO));
				chapters.setLong(1, id);
				try (var rs = chapters.executeQuery()) {
					while (rs.next()) {
						doc.add(new TextField("chapters", rs.getString(1), Field.Store.NO));
					}
				}
				segments.setLong(1, id);
				String speaker = null;
				try (var rs = segments.executeQuery()) {
					while (rs.next()) {
						// an untimed continuation carries no speaker: it continues the
						// turn
						speaker = (rs.getString(1) != null) ? rs.getString(1) : speaker;
						doc.add(new TextField("speech", rs.getString(2), Field.Store.NO));
						if (speaker != null) {
							doc.add(new TextField(speakerField(speaker), rs.getString(2), Field.Store.NO));
						}
					}
				}
				writer.addDocument(doc);
			}
			writer.forceMerge(1);
		}
	}

	static String speakerField(String speaker) {
		return "speech@" + speaker.toLowerCase(Locale.ROOT);
	}

	/** The analysed terms of a text, as EnglishAnalyzer indexes them. */
	List<String> terms(String text) throws IOException {
		var terms = new ArrayList<String>();
		try (var stream = this.analyzer.tokenStream("speech", text)) {
			var term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		return terms;
	}

	/** A word in any field, weighted by field (only speech of one speaker if given). */
	Query word(String word, String speaker) throws IOException {
		var term = terms(word).get(0);
		if (speaker != null) {
			return new TermQuery(new Term(speakerField(speaker), term));
		}
		var any = new BooleanQuery.Builder();
		for (var field : WEIGHTS.entrySet()) {
			any.add(new BoostQuery(new TermQuery(new Term(field.getKey(), term)), field.getValue()), Occur.SHOULD);
		}
		return any.build();
	}

	Query phrase(String words) throws IOException {
		var terms = terms(words);
		var any = new BooleanQuery.Builder();
		for (var field : WEIGHTS.entrySet()) {
			var phrase = new PhraseQuery.Builder();
			for (int i = 0; i < terms.size(); i++) {
				phrase.add(new Term(field.getKey(), terms.get(i)), i);
			}
			any.add(new BoostQuery(phrase.build(), field.getValue()), Occur.SHOULD);
		}
		return any.build();
	}

	Query excluding(Query query, String word) throws IOException {
		var term = terms(word).get(0);
		var builder = new BooleanQuery.Builder().add(query, Occur.MUST);
		for (var field : WEIGHTS.keySet()) {
			builder.add(new TermQuery(new Term(field, term)), Occur.MUST_NOT);
		}
		return builder.build();
	}

	static Query all(Query... queries) {
		var builder = new BooleanQuery.Builder();
		for (var query : queries) {
			builder.add(query, Occur.MUST);
		}
		return builder.build();
	}

	static Query any(Query... queries) {
		var builder = new BooleanQuery.Builder();
		for (var query : queries) {
			builder.add(query, Occur.SHOULD);
		}
		return builder.build();
	}

	static Query publishedBetween(Query query, long fromEpoch, long toEpoch) {
		return new BooleanQuery.Builder().add(query, Occur.MUST)
			.add(LongPoint.newRangeQuery("published", fromEpoch, toEpoch), Occur.FILTER)
			.build();
	}

	/** Only the episodes of one show (a library's {@code show=}). */
	static Query inShow(Query query, long show) {
		return new BooleanQuery.Builder().add(query, Occur.MUST)
			.add(LongPoint.newExactQuery("show", show), Occur.FILTER)
			.build();
	}

	/** The episode ids of result ranks {@code from} to {@code from + 9}. */
	List<Long> top(Query query, boolean newest, int from) throws IOException {
		int n = from + 10;
		TopDocs docs = newest
				? this.searcher.search(query, n, new Sort(new SortField("published", SortField.Type.LONG, true)))
				: this.searcher.search(query, n);
		var ids = new ArrayList<Long>();
		var stored = this.searcher.storedFields();
		for (int i = from; i < docs.scoreDocs.length; i++) {
			ids.add(stored.document(docs.scoreDocs[i].doc).getField("id").numericValue().longValue());
		}
		return ids;
	}

	@Override
	public void close() throws IOException {
		this.reader.close();
	}

}
