package ai.interconnects.archive.search.meaning;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.postgresql.PGConnection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Moment vectors for the search benchmark's generated archives (BENCHMARKS.md, "Search by
 * meaning"): embedding 2 M moments with the model takes hours here, so a few hundred of
 * the fixture feed's real texts are embedded once with the shipped model, and each
 * generated moment gets one of those real vectors plus Gaussian noise, normalised. Every
 * row carries the hash of the moment's text exactly as {@link MomentTexts} computes it
 * and the shipped model's id, so the app takes the vectors as current and never re-embeds
 * them.
 */
public final class BenchVectors {

	/** Fixture texts embedded for real. */
	static final int REAL = 300;

	/** Words in each real text: about a transcript paragraph. */
	static final int WORDS = 50;

	/**
	 * Noise per dimension: the moment's cosine with its real vector is about 0.8, so
	 * moments around one real text are close but not equal.
	 */
	static final double NOISE = 0.035;

	private BenchVectors() {
	}

	/** The shipped model's id, as stored with every vector. */
	public static String modelId() {
		return EmbeddingModel.BGE_SMALL_EN_V15_Q.idOrNull();
	}

	/**
	 * The real vectors: {@link #REAL} texts of {@link #WORDS} words cut from the fixture
	 * feed's descriptions and transcripts (spread over the whole feed), embedded by the
	 * shipped model; cached in {@code cache} after the first time.
	 */
	public static float[][] real(byte[] feedXml, Path cache) throws Exception {
		if (Files.exists(cache)) {
			try (var in = new DataInputStream(Files.newInputStream(cache))) {
				var vectors = new float[in.readInt()][EmbeddingModel.DIMENSIONS];
				for (var vector : vectors) {
					for (int j = 0; j < vector.length; j++) {
						vector[j] = in.readFloat();
					}
				}
				return vectors;
			}
		}
		var words = new ArrayList<String>();
		var feed = Jsoup.parse(new String(feedXml, java.nio.charset.StandardCharsets.UTF_8), "", Parser.xmlParser());
		for (var item : feed.select("item")) {
			var html = item.select("description").text() + " " + item.select("content|encoded").text();
			for (var word : Jsoup.parse(html).text().split("\\s+")) {
				if (!word.isBlank()) {
					words.add(word);
				}
			}
		}
		int chunks = words.size() / WORDS;
		var texts = new ArrayList<String>();
		for (int i = 0; i < REAL; i++) {
			int from = (int) ((long) i * chunks / REAL) * WORDS;
			texts.add(String.join(" ", words.subList(from, from + WORDS)));
		}
		long started = System.nanoTime();
		List<float[]> vectors;
		try (var encoder = OnnxEncoder.load(EmbeddingModel.BGE_SMALL_EN_V15_Q, 2)) {
			vectors = encoder.embed(texts);
		}
		System.out.printf("embedded %d real fixture texts of %d words in %d s%n", texts.size(), WORDS,
				(System.nanoTime() - started) / 1_000_000_000);
		Files.createDirectories(cache.getParent());
		try (var out = new DataOutputStream(Files.newOutputStream(cache))) {
			out.writeInt(vectors.size());
			for (var vector : vectors) {
				for (float x : vector) {
					out.writeFloat(x);
				}
			}
		}
		return vectors.toArray(float[][]::new);
	}

	/** A generated vector: a random real one plus noise, normalised. */
	static float[] around(float[][] real, Random random) {
		var base = real[random.nextInt(real.length)];
		var vector = new float[base.length];
		for (int j = 0; j < vector.length; j++) {
			vector[j] = (float) (base[j] + NOISE * random.nextGaussian());
		}
		return OnnxEncoder.normalize(vector);
	}

	/**
	 * Gives every moment of every episode a generated vector: the moments and their text
	 * hashes come from {@link MomentTexts} (as the worker reads them), the rows are
	 * loaded with {@code COPY}, and each episode is marked embedded by the current model
	 * (not stale, a revision), as the worker leaves it. Returns the number of vectors.
	 */
	public static long load(Connection connection, float[][] real, long seed) throws Exception {
		var model = modelId();
		var texts = new MomentTexts(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
		var copy = connection.unwrap(PGConnection.class).getCopyAPI();
		var episodes = new ArrayList<Long>();
		try (var st = connection.createStatement(); var rs = st.executeQuery("select id from episode order by id")) {
			while (rs.next()) {
				episodes.add(rs.getLong(1));
			}
		}
		var random = new Random(seed);
		var hex = HexFormat.of();
		var rows = new StringBuilder();
		long count = 0;
		for (int e = 0; e < episodes.size(); e++) {
			long id = episodes.get(e);
			for (var moment : texts.of(id)) {
				var embedding = VectorRepository.encode(around(real, random));
				rows.append(id)
					.append('\t')
					.append(moment.kind().name())
					.append('\t')
					.append(moment.position())
					.append("\t\\\\x")
					.append(hex.formatHex(moment.hash()))
					.append('\t')
					.append(model)
					.append("\t\\\\x")
					.append(hex.formatHex(embedding))
					.append('\n');
				count++;
			}
			if (e % 50 == 49 || e == episodes.size() - 1) {
				copy.copyIn("copy moment_vector (episode_id, kind, position, text_hash, model, embedding) from stdin",
						new StringReader(rows.toString()));
				rows.setLength(0);
			}
		}
		try (var st = connection.prepareStatement("""
				insert into meaning_episode (episode_id, stale, model, moments, embedded_at, revision)
				select episode_id, false, ?, count(*), now(), nextval('meaning_revision_seq')
				from moment_vector group by episode_id
				on conflict (episode_id) do update
				set stale = false, model = excluded.model, moments = excluded.moments,
				    embedded_at = excluded.embedded_at, revision = excluded.revision,
				    claimed_by = null, claimed_until = null
				""")) {
			st.setString(1, model);
			st.executeUpdate();
		}
		try (var st = connection.createStatement()) {
			st.execute("vacuum analyze moment_vector");
			st.execute("vacuum analyze meaning_episode");
		}
		return count;
	}

}
