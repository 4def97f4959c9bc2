package ai.interconnects.archive.db;

import ai.interconnects.archive.web.CurrentSite;
import ai.interconnects.archive.web.DatabaseFailures;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * While the database cannot be reached, every page answers at once (the pool's short
 * {@code spring.datasource.hikari.connection-timeout}) with 503, {@code Retry-After} and
 * a page saying the archive is temporarily unavailable, instead of a 500. Other database
 * errors are left to the usual error handling.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableAdvice {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableAdvice.class);

	static final String RETRY_AFTER_SECONDS = "30";

	private final CurrentSite site;

	DatabaseUnavailableAdvice(CurrentSite site) {
		this.site = site;
	}

	@ExceptionHandler({ DataAccessException.class, TransactionException.class,
			jakarta.persistence.PersistenceException.class })
	ModelAndView unavailable(Exception ex, HttpServletResponse response) throws Exception {
		if (!DatabaseFailures.unreachable(ex)) {
			throw ex;
		}
		log.warn("The database is unavailable: {}", ex.getMessage());
		response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
		var view = new ModelAndView("error/503");
		view.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
		// an exception handler's view gets no model attributes: the site as last read
		view.addObject("site", this.site.get());
		return view;
	}

}
