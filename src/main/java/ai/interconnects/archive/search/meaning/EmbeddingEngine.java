package ai.interconnects.archive.search.meaning;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The embedding model of this instance, loaded in the background once the application has
 * started (loading takes seconds and a few hundred megabytes; start-up and the pages
 * never wait for it). Where it cannot load (switched off, an unsupported platform for
 * ONNX Runtime's native library, a missing model artifact) search stays keyword-only and
 * the reason is logged and shown on the admin page.
 */
@Component
class EmbeddingEngine implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddingEngine.class);

	/** What the engine can do now. */
	enum State {

		/** {@code archive.meaning.enabled=false}. */
		DISABLED,
		/** Loading in the background. */
		LOADING,
		/** Ready to embed. */
		READY,
		/** The model could not be loaded: see {@link EmbeddingEngine#reason()}. */
		UNAVAILABLE

	}

	private final MeaningProperties properties;

	private final String modelId;

	private volatile State state;

	private volatile String reason;

	private volatile OnnxEncoder encoder;

	private final Loader loader;

	private final QueryVectors queries;

	/** Loads a model: ONNX Runtime's, or a test's that fails as a platform would. */
	interface Loader {

		OnnxEncoder load(EmbeddingModel model, int threads) throws Exception;

	}

	@Autowired
	EmbeddingEngine(MeaningProperties properties) {
		this(properties, OnnxEncoder::load);
	}

	EmbeddingEngine(MeaningProperties properties, Loader loader) {
		this.loader = loader;
		this.properties = properties;
		this.modelId = properties.model().idOrNull();
		this.queries = new QueryVectors(properties.queryCache());
		this.state = properties.enabled() ? State.LOADING : State.DISABLED;
		this.reason = properties.enabled() ? null : "Search by meaning is switched off (archive.meaning.enabled).";
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadInBackground() {
		if (this.state != State.LOADING || this.encoder != null) {
			return;
		}
		var loader = new Thread(this::load, "meaning-model-loader");
		loader.setDaemon(true);
		loader.setPriority(Thread.MIN_PRIORITY);
		loader.start();
	}

	/** Loads the model now, in the calling thread (tests, and the loader thread). */
	synchronized void load() {
		if (this.state != State.LOADING || this.encoder != null) {
			return;
		}
		long started = System.nanoTime();
		try {
			if (this.modelId == null) {
				throw new IllegalStateException("The model " + this.properties.model() + " is not on the class path");
			}
			this.encoder = this.loader.load(this.properties.model(), this.properties.workerThreads());
			this.state = State.READY;
			logger.info("Search by meaning: {} loaded in {} ms", this.modelId,
					(System.nanoTime() - started) / 1_000_000);
		}
		// an unsupported platform ends in UnsatisfiedLinkError or NoClassDefFoundError:
		// the archive runs on without search by meaning
		catch (Exception | LinkageError ex) {
			this.reason = "The embedding model could not be loaded: " + ex;
			this.state = State.UNAVAILABLE;
			logger.warn("Search by meaning is unavailable, search stays keyword-only. {}", this.reason);
		}
	}

	State state() {
		return this.state;
	}

	/** Why the engine is disabled or unavailable, or null. */
	String reason() {
		return this.reason;
	}

	/**
	 * The model and version stored with the vectors it makes
	 * ({@code bge-small-en-v1.5-q@1.11.0-beta19}), or null when the model's artifact is
	 * not on the class path.
	 */
	String modelId() {
		return this.modelId;
	}

	/** Whether the model is loaded. */
	boolean ready() {
		return this.state == State.READY && this.encoder != null;
	}

	/** The query's vector, or empty when the engine is not ready or failed on it. */
	Optional<float[]> embedQuery(String query) {
		var ready = this.encoder;
		if (this.state != State.READY || ready == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.queries.get(query, ready::embedQuery));
		}
		catch (Exception ex) {
			logger.warn("Could not embed the query {}: {}", query, ex.toString());
			return Optional.empty();
		}
	}

	/** The texts' vectors (for the worker); throws when the engine is not ready. */
	List<float[]> embed(List<String> texts) throws Exception {
		var ready = this.encoder;
		if (this.state != State.READY || ready == null) {
			throw new IllegalStateException("The embedding model is not loaded");
		}
		return ready.embed(texts);
	}

	@Override
	public void destroy() throws Exception {
		var loaded = this.encoder;
		this.encoder = null;
		if (loaded != null) {
			loaded.close();
		}
	}

}
