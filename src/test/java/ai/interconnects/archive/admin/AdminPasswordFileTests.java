package ai.interconnects.archive.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.interconnects.archive.support.ArchiveTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin password from a file (not on the command line, not in the environment), and
 * the server on loopback only unless told otherwise.
 */
@ArchiveTest(webEnvironment = org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "archive.poll.enabled=false", "archive.feed.url=file:/nonexistent/feed.xml" })
class AdminPasswordFileTests {

	static final Path PASSWORD_FILE = passwordFile();

	@DynamicPropertySource
	static void passwordFile(DynamicPropertyRegistry registry) {
		registry.add("archive.admin.password-file", PASSWORD_FILE::toString);
	}

	@Autowired
	WebServerApplicationContext context;

	@Test
	void theAdminSignsInWithThePasswordFromTheFileOnAServerListeningOnLoopbackOnly() throws Exception {
		var port = this.context.getWebServer().getPort();
		var client = java.net.http.HttpClient.newBuilder().build();
		var loginPage = client
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/admin/login"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		// enabled by the file alone
		assertThat(loginPage.statusCode()).isEqualTo(200);
		assertThat(loginPage.body()).contains("Admin sign-in");
		var users = this.context.getBean(org.springframework.security.core.userdetails.UserDetailsService.class);
		var encoder = this.context.getBean(org.springframework.security.crypto.password.PasswordEncoder.class);
		assertThat(encoder.matches("from a file, with spaces", users.loadUserByUsername("admin").getPassword()))
			.isTrue();

		var address = ((TomcatWebServer) this.context.getWebServer()).getTomcat().getConnector().getProperty("address");
		assertThat(String.valueOf(address)).contains("127.0.0.1");
	}

	private static Path passwordFile() {
		try {
			var file = Files.createTempFile("admin-password", ".txt");
			Files.writeString(file, "from a file, with spaces\n");
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
