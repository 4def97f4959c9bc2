package ai.interconnects.archive.admin;

import java.io.BufferedInputStream;
import java.io.IOException;

import ai.interconnects.archive.api.ArchiveImporter;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Restoring a backup from the admin area ({@code /admin/import}): an export
 * ({@code /export.jsonl.gz}, gzip or plain) uploaded and imported line by line, with the
 * report on the page. Uploads are capped by {@code archive.clients.max-upload-size}; a
 * larger backup is restored with {@code archive.import.file} at start-up.
 */
@Controller
@Conditional(AdminEnabled.On.class)
class ImportAdminController {

	private final ArchiveImporter importer;

	ImportAdminController(ArchiveImporter importer) {
		this.importer = importer;
	}

	@GetMapping("/admin/import")
	String form() {
		return "admin/import";
	}

	@PostMapping("/admin/import")
	String upload(@RequestParam(required = false) MultipartFile backup, RedirectAttributes redirect) {
		if (backup == null || backup.isEmpty()) {
			redirect.addFlashAttribute("message", "Choose a backup file (an export of this archive) to restore.");
			return "redirect:/admin/import";
		}
		try (var in = new BufferedInputStream(backup.getInputStream())) {
			var report = this.importer.importFrom(in);
			redirect.addFlashAttribute("message", report.summary() + ".");
			redirect.addFlashAttribute("problems", report.problems());
			redirect.addFlashAttribute("moreProblems", report.problemCount() - report.problems().size());
		}
		catch (IOException ex) {
			redirect.addFlashAttribute("message", "The upload could not be read: " + ex.getMessage());
		}
		return "redirect:/admin/import";
	}

}
