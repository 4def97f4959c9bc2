package ai.interconnects.archive.api;

import ai.interconnects.archive.web.JsonApi;
import ai.interconnects.archive.web.ServerErrors;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the JSON API as RFC 9457 problem details ({@code application/problem+json}):
 * Spring's own exceptions (bad parameters, unsupported methods) through
 * {@link ResponseEntityExceptionHandler}, not-found and bad-request answers through
 * {@code ResponseStatusException}, anything unexpected as a 500 without internals, logged
 * through {@link ServerErrors} (at most once a minute, with a count).
 */
@RestControllerAdvice(annotations = JsonApi.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private final ServerErrors errors;

	ApiExceptionHandler(ServerErrors errors) {
		this.errors = errors;
	}

	@ExceptionHandler(RuntimeException.class)
	ProblemDetail unexpected(RuntimeException ex, HttpServletRequest request) {
		this.errors.record(request, ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be answered.");
	}

}
