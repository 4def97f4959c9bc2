package ai.interconnects.archive.search.meaning;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The worker's statements over {@code meaning_episode} and {@code moment_vector} (V12):
 * claim an episode, see which of its moments have a vector of their current text, reuse a
 * vector of the same text from elsewhere, store new ones, finish.
 */
@Repository
class VectorRepository {

	private final JdbcClient jdbc;

	VectorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes the newest episode that needs embedding and that no instance holds (an
	 * expired lease is taken over: its holder died or failed on it), for {@code lease}.
	 * Clears its stale flag at once, so a text changed while it is being embedded marks
	 * it again. Several instances never claim the same episode: the row is locked and
	 * skipped by the others while claimed.
	 */
	@Transactional
	Optional<Long> claim(String instance, String model, Duration lease) {
		return this.jdbc.sql("""
				with next as (
				    select episode_id from meaning_episode
				    -- a claim whose lease ended was left unfinished by its instance
				    where (stale or model is distinct from :model or claimed_by is not null)
				      and (claimed_until is null or claimed_until < now())
				    order by (stale or model is null or claimed_by is not null) desc, episode_id desc
				    limit 1
				    for update skip locked
				)
				update meaning_episode m
				set stale = false, claimed_by = :instance, claimed_until = now() + make_interval(secs => :lease)
				from next where m.episode_id = next.episode_id
				returning m.episode_id
				""")
			.param("model", model)
			.param("instance", instance)
			.param("lease", (double) lease.toSeconds())
			.query(Long.class)
			.optional();
	}

	/** Extends the lease; false when this instance no longer holds the episode. */
	boolean renew(long episodeId, String instance, Duration lease) {
		return this.jdbc.sql("""
				update meaning_episode set claimed_until = now() + make_interval(secs => :lease)
				where episode_id = :id and claimed_by = :instance
				""")
			.param("lease", (double) lease.toSeconds())
			.param("id", episodeId)
			.param("instance", instance)
			.update() == 1;
	}

	/** The text hash of each moment of the episode that has a vector of this model. */
	Map<String, byte[]> storedHashes(long episodeId, String model) {
		var hashes = new HashMap<String, byte[]>();
		this.jdbc.sql("select kind, position, text_hash from moment_vector where episode_id = :id and model = :model")
			.param("id", episodeId)
			.param("model", model)
			.query((rs) -> {
				hashes.put(key(MomentKind.valueOf(rs.getString("kind")), rs.getInt("position")),
						rs.getBytes("text_hash"));
			});
		return hashes;
	}

	static String key(MomentKind kind, int position) {
		return kind + ":" + position;
	}

	/** Stored vectors of this model for any of the given texts (by hash), anywhere. */
	Map<String, byte[]> reusable(Collection<byte[]> hashes, String model) {
		var found = new HashMap<String, byte[]>();
		if (hashes.isEmpty()) {
			return found;
		}
		this.jdbc.sql("""
				select distinct on (text_hash) text_hash, embedding from moment_vector
				where model = :model and text_hash = any(:hashes)
				""").param("model", model).param("hashes", hashes.toArray(byte[][]::new)).query((rs) -> {
			found.put(HexFormat.of().formatHex(rs.getBytes("text_hash")), rs.getBytes("embedding"));
		});
		return found;
	}

	/** A vector to store. */
	record Row(MomentKind kind, int position, byte[] hash, byte[] embedding) {
	}

	/** Stores the vectors, replacing those of the same moments. */
	@Transactional
	void store(long episodeId, String model, List<Row> rows) {
		var params = new ArrayList<Object[]>();
		for (var row : rows) {
			params
				.add(new Object[] { episodeId, row.kind().name(), row.position(), row.hash(), model, row.embedding() });
		}
		this.jdbc.sql("""
				insert into moment_vector (episode_id, kind, position, text_hash, model, embedding)
				select :episode, unnest(:kinds::text[]), unnest(:positions::int[]), unnest(:hashes::bytea[]),
				    :model, unnest(:embeddings::bytea[])
				on conflict (episode_id, kind, position) do update
				set text_hash = excluded.text_hash, model = excluded.model, embedding = excluded.embedding
				""")
			.param("episode", episodeId)
			.param("kinds", rows.stream().map((r) -> r.kind().name()).toArray(String[]::new))
			.param("positions", rows.stream().mapToInt(Row::position).boxed().toArray(Integer[]::new))
			.param("hashes", rows.stream().map(Row::hash).toArray(byte[][]::new))
			.param("model", model)
			.param("embeddings", rows.stream().map(Row::embedding).toArray(byte[][]::new))
			.update();
	}

	/**
	 * The episode is done: vectors of moments it no longer has (or of another model) are
	 * removed, its revision raised so every instance's index reloads it, its claim
	 * released. Nothing happens when another instance took the episode over meanwhile.
	 */
	@Transactional
	void finish(long episodeId, String instance, String model, Collection<String> keep) {
		boolean held = this.jdbc.sql("""
				update meaning_episode
				set model = :model, moments = :moments, embedded_at = now(), revision = nextval('meaning_revision_seq'),
				    claimed_by = null, claimed_until = null
				where episode_id = :id and claimed_by = :instance
				""")
			.param("model", model)
			.param("moments", keep.size())
			.param("id", episodeId)
			.param("instance", instance)
			.update() == 1;
		if (held) {
			this.jdbc.sql("""
					delete from moment_vector
					where episode_id = :id and (model <> :model or not (kind || ':' || position = any(:keep)))
					""")
				.param("id", episodeId)
				.param("model", model)
				.param("keep", keep.toArray(String[]::new))
				.update();
		}
	}

	static byte[] encode(float[] vector) {
		var buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		for (float x : vector) {
			buffer.putFloat(x);
		}
		return buffer.array();
	}

	static float[] decode(byte[] bytes) {
		var buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		var vector = new float[bytes.length / Float.BYTES];
		for (int i = 0; i < vector.length; i++) {
			vector[i] = buffer.getFloat();
		}
		return vector;
	}

}
