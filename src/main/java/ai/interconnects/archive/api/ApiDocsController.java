package ai.interconnects.archive.api;

import ai.interconnects.archive.web.CurrentSite;
import ai.interconnects.archive.web.PageMeta;
import ai.interconnects.archive.web.PublicUrl;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /api}: the JSON API described for a person, with an example of each call, beside
 * the machine-readable description ({@code /api/v1/openapi.json}, whose title names the
 * archive instead of springdoc's "OpenAPI definition").
 */
@Controller
class ApiDocsController {

	static final String DOCS_VIEW = "api/index";

	private final PublicUrl publicUrl;

	private final CurrentSite site;

	ApiDocsController(PublicUrl publicUrl, CurrentSite site) {
		this.publicUrl = publicUrl;
		this.site = site;
	}

	@GetMapping("/api")
	String docs(Model model) {
		var name = this.site.get().name();
		model.addAttribute("base", this.publicUrl.of("/api/v1"));
		model.addAttribute("meta", PageMeta.page(this.publicUrl.of("/api"), "JSON API · " + name,
				"The " + name + " as JSON: episodes, transcripts, chapters, speakers and search."));
		return DOCS_VIEW;
	}

}
