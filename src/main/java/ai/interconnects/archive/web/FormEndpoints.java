package ai.interconnects.archive.web;

import java.util.List;

/**
 * The paths that take a request body (form posts), declared by the feature that serves
 * them as a bean. A body sent anywhere else is refused before anything reads it
 * ({@link RequestBodyValve}); without such a bean no path takes one.
 */
@FunctionalInterface
public interface FormEndpoints {

	/** Path patterns ({@code /admin/**}), matched against the decoded path. */
	List<String> patterns();

	/**
	 * Those of {@link #patterns()} that take a file upload: a larger body
	 * ({@code archive.clients.max-upload-size}) with more time to arrive.
	 */
	default List<String> uploads() {
		return List.of();
	}

}
