package ai.interconnects.archive.admin;

import ai.interconnects.archive.search.meaning.MeaningSearch;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's page: feed state, poll history, archive counts, parse problems, and the
 * three actions. Every action redirects back with a flash message, so reloading the page
 * never repeats it.
 */
@Controller
@Conditional(AdminEnabled.On.class)
class AdminController {

	private final AdminQueries queries;

	private final AdminActions actions;

	private final MeaningSearch meaning;

	AdminController(AdminQueries queries, AdminActions actions, MeaningSearch meaning) {
		this.queries = queries;
		this.actions = actions;
		this.meaning = meaning;
	}

	/**
	 * Search by meaning on this instance, and the embedding's progress over the archive.
	 */
	record Meaning(String model, MeaningSearch.Status status, MeaningSearch.Progress progress) {

		/** Megabytes the vectors take in this instance's memory. */
		public String indexMegabytes() {
			return "%.1f".formatted(this.status.indexBytes() / 1e6);
		}

	}

	@GetMapping("/admin/login")
	String login(@RequestParam(required = false) String blocked, Model model) {
		if (blocked != null && blocked.matches("[0-9]{1,6}")) {
			model.addAttribute("waitSeconds", Long.parseLong(blocked));
		}
		return "admin/login";
	}

	@GetMapping("/admin")
	String overview(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("overview", this.queries.overview(page));
		model.addAttribute("meaning",
				new Meaning(this.meaning.modelId(), this.meaning.status(), this.meaning.progress()));
		return "admin/index";
	}

	@PostMapping("/admin/poll")
	String pollNow(RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", this.actions.pollNow());
		return "redirect:/admin";
	}

	@PostMapping("/admin/reparse")
	String reparseAll(RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", this.actions.reparseAll());
		return "redirect:/admin";
	}

	@PostMapping("/admin/lock/break")
	String breakStaleLock(RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", this.actions.breakStaleLock());
		return "redirect:/admin";
	}

	@PostMapping("/admin/resume")
	String resumePolling(RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", this.actions.resumePolling());
		return "redirect:/admin";
	}

}
