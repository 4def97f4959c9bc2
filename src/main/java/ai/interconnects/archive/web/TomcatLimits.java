package ai.interconnects.archive.web;

import java.util.List;

import org.apache.catalina.Context;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.session.ManagerBase;
import org.apache.catalina.session.StandardManager;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * What {@code server.tomcat.*} cannot say: Tomcat's own error responses get the archive's
 * page and headers ({@link FriendlyErrorReportValve}); each client may have only so many
 * requests in progress ({@link ClientRequestCap}); request bodies are refused or read
 * whole under a deadline before the application sees them ({@link RequestBodyValve}); and
 * the number of live HTTP sessions is capped (only a signed-in admin has one; the cap
 * keeps a bug or an attack that creates sessions from filling the heap).
 */
@Component
class TomcatLimits implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	static final int MAX_ACTIVE_SESSIONS = 1_000;

	/**
	 * Looked up when an error page is written, not now: the web server is made before the
	 * database the site is read from.
	 */
	private final ObjectProvider<CurrentSite> site;

	private final ClientAddresses clients;

	private final ClientProperties properties;

	private final ObjectProvider<FormEndpoints> forms;

	TomcatLimits(ObjectProvider<CurrentSite> site, ClientAddresses clients, ClientProperties properties,
			ObjectProvider<FormEndpoints> forms) {
		this.site = site;
		this.clients = clients;
		this.properties = properties;
		this.forms = forms;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(this::customize);
	}

	private String siteName() {
		try {
			var current = this.site.getIfAvailable();
			return (current != null) ? current.get().name() : Site.UNNAMED.name();
		}
		catch (BeansException ex) {
			// the application is starting or stopping
			return Site.UNNAMED.name();
		}
	}

	private List<String> formPatterns() {
		return this.forms.orderedStream().flatMap((endpoints) -> endpoints.patterns().stream()).toList();
	}

	private List<String> uploadPatterns() {
		return this.forms.orderedStream().flatMap((endpoints) -> endpoints.uploads().stream()).toList();
	}

	private void customize(Context context) {
		if (context.getParent() instanceof StandardHost host) {
			// Boot adds a plain ErrorReportValve for include-stacktrace=never; replace
			// it.
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.getPipeline().removeValve(valve);
				}
			}
			host.getPipeline().addValve(new FriendlyErrorReportValve(this::siteName));
			host.setErrorReportValveClass(FriendlyErrorReportValve.class.getName());
		}
		context.getPipeline()
			.addValve(new ClientRequestCap(this.clients, this.properties.maxConcurrentRequests(), this::siteName));
		context.getPipeline()
			.addValve(new RequestBodyValve(this::formPatterns, this::uploadPatterns,
					new RequestBodyValve.Limit(this.properties.maxFormSize().toBytes(),
							this.properties.formReadDeadline()),
					new RequestBodyValve.Limit(this.properties.maxUploadSize().toBytes(),
							this.properties.uploadReadDeadline()),
					this::siteName));
		var manager = (context.getManager() instanceof ManagerBase existing) ? existing : new StandardManager();
		manager.setMaxActiveSessions(MAX_ACTIVE_SESSIONS);
		context.setManager(manager);
	}

	@Override
	public int getOrder() {
		// after Boot's own customizer, whose context customizer adds the plain valve
		return Ordered.LOWEST_PRECEDENCE;
	}

}
