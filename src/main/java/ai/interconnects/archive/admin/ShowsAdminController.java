package ai.interconnects.archive.admin;

import java.io.IOException;
import java.util.Comparator;

import ai.interconnects.archive.library.OpmlException;
import ai.interconnects.archive.poll.LibraryListing;
import ai.interconnects.archive.poll.PollHistory;
import ai.interconnects.archive.poll.PollService;
import ai.interconnects.archive.poll.ShowControls;
import ai.interconnects.archive.show.Podcast;
import ai.interconnects.archive.show.PodcastRepository;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The library in the admin area ({@code /admin/shows}): every show with its state, "Add a
 * show", the OPML upload and the last reading of {@code archive.library.opml}; per show
 * ({@code /admin/shows/{id}}) its poll history, pause / resume, poll now and remove.
 * Every action redirects back with a flash message.
 */
@Controller
@Conditional(AdminEnabled.On.class)
class ShowsAdminController {

	/** The word the operator types to confirm a removal. */
	static final String REMOVE_WORD = "remove";

	private static final int RUNS_SHOWN = 50;

	private final PodcastRepository podcasts;

	private final ShowAdmission admission;

	private final ShowControls controls;

	private final PollService polls;

	private final PollHistory history;

	private final LibraryListing listing;

	ShowsAdminController(PodcastRepository podcasts, ShowAdmission admission, ShowControls controls, PollService polls,
			PollHistory history, LibraryListing listing) {
		this.podcasts = podcasts;
		this.admission = admission;
		this.controls = controls;
		this.polls = polls;
		this.history = history;
		this.listing = listing;
	}

	@GetMapping("/admin/shows")
	String shows(Model model) {
		var all = this.podcasts.findAll();
		all.sort(Comparator.comparing(Podcast::getId));
		model.addAttribute("shows", all);
		model.addAttribute("listing", this.listing.last().orElse(null));
		return "admin/shows";
	}

	@GetMapping("/admin/shows/{id}")
	String show(@PathVariable long id, Model model) {
		var podcast = this.podcasts.findById(id);
		if (podcast.isEmpty()) {
			return "redirect:/admin/shows";
		}
		model.addAttribute("show", podcast.get());
		model.addAttribute("runs", this.history.ofShow(id, podcast.get().getConfiguredUrl(), RUNS_SHOWN));
		model.addAttribute("removeWord", REMOVE_WORD);
		return "admin/show";
	}

	@PostMapping("/admin/shows/add")
	String add(@RequestParam(defaultValue = "") String feedUrl, RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", this.admission.addShow(feedUrl));
		return "redirect:/admin/shows";
	}

	@PostMapping("/admin/shows/opml")
	String upload(@RequestParam(required = false) MultipartFile opml, RedirectAttributes redirect) {
		if (opml == null || opml.isEmpty()) {
			redirect.addFlashAttribute("message", "Choose an OPML file to upload.");
			return "redirect:/admin/shows";
		}
		try (var in = opml.getInputStream()) {
			var additions = this.admission.addListed(in);
			redirect.addFlashAttribute("additions", additions);
			redirect.addFlashAttribute("message",
					"OPML file read: " + additions.size() + " outline(s) reported below.");
		}
		catch (OpmlException ex) {
			redirect.addFlashAttribute("message", "The file was refused whole, nothing was added: " + ex.getMessage());
		}
		catch (IOException ex) {
			redirect.addFlashAttribute("message", "The upload could not be read: " + ex.getMessage());
		}
		return "redirect:/admin/shows";
	}

	@PostMapping("/admin/shows/{id}/pause")
	String pause(@PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", this.controls.pause(id, true) ? "Polling paused." : "No such show.");
		return "redirect:/admin/shows/" + id;
	}

	@PostMapping("/admin/shows/{id}/resume")
	String resume(@PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", this.controls.pause(id, false) ? "Polling resumed." : "No such show.");
		return "redirect:/admin/shows/" + id;
	}

	@PostMapping("/admin/shows/{id}/poll")
	String pollNow(@PathVariable long id, RedirectAttributes redirect) {
		var run = this.polls.pollShow(id);
		redirect.addFlashAttribute("message", run
			.map((r) -> "Poll finished: " + r.getOutcome() + ((r.getMessage() != null) ? ", " + r.getMessage() : ""))
			.orElse("A poll of this show is already running (here or in another instance); nothing done."));
		return "redirect:/admin/shows/" + id;
	}

	@PostMapping("/admin/shows/{id}/remove")
	String remove(@PathVariable long id, @RequestParam(defaultValue = "") String confirm, RedirectAttributes redirect) {
		if (!REMOVE_WORD.equals(confirm.strip())) {
			redirect.addFlashAttribute("message",
					"Not removed: type \"" + REMOVE_WORD + "\" in the box to confirm the removal.");
			return "redirect:/admin/shows/" + id;
		}
		var deleted = this.controls.remove(id);
		redirect.addFlashAttribute("message", deleted
			.map((n) -> "Show removed: " + n + " episode(s) deleted; its row is kept so that no list adds it back.")
			.orElse("A poll of this show is running; not removed. Try again in a moment."));
		return "redirect:/admin/shows/" + id;
	}

}
