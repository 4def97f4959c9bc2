package ai.interconnects.archive.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the {@link Site} in every page's model, read afresh
 * ({@link CurrentSite#refresh()}: a row or two), so a page shows the channel as the last
 * poll stored it. Only for the site's own controllers (not the actuator's endpoints). An
 * error page takes the last site read; a database that cannot be reached fails the page
 * at once (503, "temporarily unavailable"), without a second wait in the controller.
 */
@ControllerAdvice(annotations = Controller.class)
class SiteAdvice {

	private final CurrentSite site;

	SiteAdvice(CurrentSite site) {
		this.site = site;
	}

	@ModelAttribute("site")
	Site site(HttpServletRequest request) {
		// an error page never waits for the database: it may be why there is an error
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			return this.site.get();
		}
		DatabaseFailures.failIfNoted(request);
		return this.site.refresh();
	}

}
