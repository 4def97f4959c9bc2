package ai.interconnects.archive.admin;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import ai.interconnects.archive.poll.PollService;
import ai.interconnects.archive.support.ArchiveContents;
import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.FeedServerExtension;
import ai.interconnects.archive.support.WithFeedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin area's file uploads through the real server: the request-body valve reads the
 * upload into memory before anything else, so the parts must come from those bytes
 * (MockMvc, which the other admin tests use, has no valve), and an upload may be larger
 * than a plain form.
 */
@WithFeedServer
@ArchiveTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "archive.poll.enabled=false",
		"archive.admin.username=" + AdminTestBase.USERNAME, "archive.admin.password=" + AdminTestBase.PASSWORD })
class UploadsOverHttpTests {

	private static final String USERNAME = AdminTestBase.USERNAME;

	private static final String PASSWORD = AdminTestBase.PASSWORD;

	private static final FeedServer server = FeedServerExtension.server();

	@Autowired
	JdbcClient jdbc;

	private static final Pattern LOGIN_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	PollService polls;

	private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@BeforeEach
	void signIn() throws Exception {
		DatabaseCleaner.clean(this.jdbc);
		server.reset();
		var login = get("/admin/login");
		var token = find(LOGIN_TOKEN, login);
		var form = "username=" + USERNAME + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
		var response = this.client.send(HttpRequest.newBuilder(uri("/admin/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/admin"));
	}

	@Test
	void anOpmlFileLargerThanAPlainFormIsUploadedAndReported() throws Exception {
		var padding = "<!-- " + "x".repeat(40_000) + " -->";
		var opml = """
				<?xml version="1.0"?>
				<opml version="2.0"><head><title>Subscriptions</title></head><body>%s
				<outline type="rss" text="One" xmlUrl="https://one.example.com/rss"/>
				</body></opml>""".formatted(padding).getBytes(StandardCharsets.UTF_8);

		var page = upload("/admin/shows", "/admin/shows/opml", "opml", "shows.opml", opml);

		assertThat(page).contains("OPML file read: 1 outline(s)").contains("one.example.com");
		assertThat(count("podcast")).isEqualTo(1);
	}

	@Test
	void aBackupIsRestoredFromTheAdminAreaIntoAnEmptyArchive() throws Exception {
		server.respond("/feed.xml", 200, AdminTestBase.FIXTURE, "Content-Type", "application/rss+xml");
		this.polls.poll();
		var backup = this.client.send(HttpRequest.newBuilder(uri("/export.jsonl.gz")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(backup.statusCode()).isEqualTo(200);
		DatabaseCleaner.clean(this.jdbc);
		assertThat(count("episode")).isZero();

		var page = upload("/admin/import", "/admin/import", "backup", "export.jsonl.gz", backup.body());

		assertThat(page).contains("1 shows new").contains("11 episodes new");
		assertThat(count("episode")).isEqualTo(11);
		assertThat(count("transcript_segment")).isPositive();
	}

	@Test
	void aFileThatIsNotABackupGetsAReportAndChangesNothing() throws Exception {
		var page = upload("/admin/import", "/admin/import", "backup", "photo.jpg",
				new byte[] { (byte) 0xff, (byte) 0xd8, 1, 2, 3, 4, 5, 6, 7, 8 });

		assertThat(page).contains("lines not stored");
		assertThat(count("episode")).isZero();
		assertThat(count("podcast")).isZero();
	}

	/**
	 * Posts {@code file} as the form on {@code formPage} does, and returns the page it
	 * leads to.
	 */
	private String upload(String formPage, String action, String field, String name, byte[] file) throws Exception {
		var form = get(formPage);
		var token = find(Pattern.compile(Pattern.quote(action) + "\\?_csrf=([^\"]+)\""), form).replace("&amp;", "&");
		var boundary = "----archive-test-boundary";
		var body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		var response = this.client.send(HttpRequest.newBuilder(uri(action + "?_csrf=" + token))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		return get(formPage);
	}

	private String get(String path) throws Exception {
		var response = this.client.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private long count(String table) {
		return ArchiveContents.count(this.jdbc, table);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String find(Pattern pattern, String page) {
		var matcher = pattern.matcher(page);
		assertThat(matcher.find()).as("%s in the page", pattern).isTrue();
		return matcher.group(1);
	}

}
