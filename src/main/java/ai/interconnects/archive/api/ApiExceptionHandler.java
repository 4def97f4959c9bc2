package ai.interconnects.archive.api;

import ai.interconnects.archive.web.JsonApi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the JSON API as RFC 9457 problem details ({@code application/problem+json}):
 * Spring's own exceptions (bad parameters, unsupported methods) through
 * {@link ResponseEntityExceptionHandler}, not-found and bad-request answers through
 * {@code ResponseStatusException}, anything unexpected as a 500 without internals.
 */
@RestControllerAdvice(annotations = JsonApi.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(RuntimeException.class)
	ProblemDetail unexpected(RuntimeException ex) {
		log.error("API request failed", ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be answered.");
	}

}
