package ai.interconnects.archive.admin;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Answers everything under {@code /admin} when no admin password is configured: a 404
 * page saying how to enable the admin area, and never any admin data.
 */
@Controller
@Conditional(AdminEnabled.Off.class)
class AdminDisabledController {

	@RequestMapping({ "/admin", "/admin/**" })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String disabled() {
		return "admin/disabled";
	}

}
