package ai.interconnects.archive.admin;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.info.JavaInfo;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The JVM's exact vendor and build in {@code /actuator/info}, for the signed-in admin
 * only: to anyone else it would tell which security fixes the server lacks. Everyone
 * still sees the build version ({@code management.info.java.enabled} is off).
 */
@Component
class AdminJavaInfoContributor implements InfoContributor {

	@Override
	public void contribute(Info.Builder builder) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean admin = authentication != null && authentication.isAuthenticated() && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> ("ROLE_" + SecurityConfiguration.ADMIN_ROLE).equals(authority.getAuthority()));
		if (admin) {
			builder.withDetail("java", new JavaInfo());
		}
	}

}
