package ai.interconnects.archive.feed.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into memory up to a limit, cancelling the exchange as soon as
 * the limit is passed, so an oversized feed is never read whole. Records when the last
 * bytes arrived so that the caller can enforce a read timeout.
 */
final class LimitedBodySubscriber implements BodySubscriber<byte[]> {

	private final long limit;

	private final CompletableFuture<byte[]> result = new CompletableFuture<>();

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private volatile Flow.Subscription subscription;

	private volatile long lastProgressNanos = System.nanoTime();

	private long received;

	LimitedBodySubscriber(long limit) {
		this.limit = limit;
	}

	long lastProgressNanos() {
		return this.lastProgressNanos;
	}

	/** Stops the exchange; the body completes with the given failure. */
	void abort(IOException reason) {
		var current = this.subscription;
		if (current != null) {
			current.cancel();
		}
		this.result.completeExceptionally(reason);
	}

	@Override
	public CompletionStage<byte[]> getBody() {
		return this.result;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		subscription.request(1);
	}

	@Override
	public void onNext(List<ByteBuffer> buffers) {
		this.lastProgressNanos = System.nanoTime();
		for (var buffer : buffers) {
			int n = buffer.remaining();
			this.received += n;
			if (this.received > this.limit) {
				abort(new BodyTooLargeException(this.limit));
				return;
			}
			var bytes = new byte[n];
			buffer.get(bytes);
			this.out.write(bytes, 0, n);
		}
		this.subscription.request(1);
	}

	@Override
	public void onError(Throwable throwable) {
		this.result.completeExceptionally(throwable);
	}

	@Override
	public void onComplete() {
		this.result.complete(this.out.toByteArray());
	}

	static final class BodyTooLargeException extends IOException {

		BodyTooLargeException(long limit) {
			super("the body is larger than the limit of " + limit + " bytes (archive.feed.max-body-size); aborted");
		}

	}

}
