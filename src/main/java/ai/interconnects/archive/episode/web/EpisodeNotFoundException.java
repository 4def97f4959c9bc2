package ai.interconnects.archive.episode.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No episode (or no such chapter of it): the friendly 404 page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class EpisodeNotFoundException extends RuntimeException {

	EpisodeNotFoundException(String message) {
		super(message);
	}

}
