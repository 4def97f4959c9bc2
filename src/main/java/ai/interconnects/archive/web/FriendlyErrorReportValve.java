package ai.interconnects.archive.web;

import java.io.IOException;
import java.util.function.Supplier;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.web.util.HtmlUtils;

/**
 * The page Tomcat itself sends when it refuses a request before the application sees it
 * (a request line or headers over the limit, a malformed request: 400, 413, 414…): the
 * archive's look and security headers instead of Tomcat's report page, and no server
 * details. Errors the application handles keep their own pages; this only writes when
 * nothing else did.
 * <p>
 * Tomcat writes this page outside any request the application handles, so it names the
 * site as {@link CurrentSite} last read it: never a database query per error.
 */
class FriendlyErrorReportValve extends ErrorReportValve {

	private final Supplier<String> siteName;

	FriendlyErrorReportValve(Supplier<String> siteName) {
		this.siteName = siteName;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		try {
			response.setContentType("text/html");
			response.setCharacterEncoding("UTF-8");
			SecurityHeadersFilter.apply(response);
			var writer = response.getReporter();
			if (writer != null) {
				writer.write(page(status, this.siteName.get()));
			}
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response is committed: nothing more to send
		}
	}

	/**
	 * The page, naming the site {@code siteName} (a feed's title: escaped here), with the
	 * site's header (its sections and search) so the reader can go on from it.
	 */
	static String page(int status, String siteName) {
		var name = HtmlUtils.htmlEscape(siteName);
		var title = switch (status) {
			case 414, 431 -> "That address was too long";
			case 413 -> "That request was too large";
			case 400 -> "That address could not be read";
			case 405 -> "Nothing here takes that request";
			case 408 -> "That request took too long to arrive";
			case 411 -> "That request did not say how long it was";
			case 503 -> "Too many requests at once; try again in a moment";
			default -> "That did not work";
		};
		var why = switch (status) {
			case 414, 431 -> "The address was longer than the archive reads. A search is cut to its first 200 "
					+ "characters, so a shorter query works.";
			case 413 -> "The request carried more than the archive accepts.";
			case 400 -> "Part of the address is not written the way web addresses are (for example a % sign that "
					+ "does not start a %-code). Check the link you followed, or search for what you were after.";
			default -> "The request could not be answered as it was sent.";
		};
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<meta name="color-scheme" content="light dark">
				<title>Error %d · %s</title>
				<link rel="stylesheet" href="/css/archive.css">
				</head>
				<body>
				<header class="site-header"><div class="site-header-inner">
				<a class="site-title" href="/"><span class="site-mark" aria-hidden="true">◖◗</span> %s</a>
				<nav class="site-nav" aria-label="Sections"><a href="/">Episodes</a> <a href="/chapters">Chapters</a> <a href="/speakers">Speakers</a></nav>
				<form class="site-search" role="search" aria-label="Search the archive" method="get" action="/search">
				<label for="site-search-q" class="visually-hidden">Search transcripts</label>
				<input id="site-search-q" type="search" name="q" placeholder="Search transcripts">
				<button type="submit">Search</button>
				</form>
				</div></header>
				<main id="main" class="page page-error">
				<p class="eyebrow">Error %d</p>
				<h1>%s</h1>
				<p>%s</p>
				<ul class="episode-actions"><li><a class="button" href="/">Back to the archive</a></li></ul>
				</main>
				</body>
				</html>
				"""
			.formatted(status, name, name, status, title, why);
	}

}
