package ai.interconnects.archive.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the {@link Site} in every page's model, read afresh
 * ({@link CurrentSite#refresh()}: a row or two), so a page shows the channel as the last
 * poll stored it. Only for the site's own controllers (not the actuator's endpoints); a
 * database that cannot answer gives the last site read, so the "temporarily unavailable"
 * page still renders.
 */
@ControllerAdvice(annotations = Controller.class)
class SiteAdvice {

	private final CurrentSite site;

	SiteAdvice(CurrentSite site) {
		this.site = site;
	}

	@ModelAttribute("site")
	Site site() {
		return this.site.refresh();
	}

}
