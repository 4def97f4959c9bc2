package ai.interconnects.archive.admin;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether an admin password (or a file holding it) is configured. A condition rather than
 * an expression: a password may contain anything, quotes included.
 */
final class AdminEnabled {

	private AdminEnabled() {
	}

	static boolean in(ConditionContext context) {
		var binder = Binder.get(context.getEnvironment());
		return binder.bind(AdminProperties.PASSWORD_PROPERTY, String.class)
			.map((password) -> !password.isBlank())
			.orElse(false)
				|| binder.bind(AdminProperties.PASSWORD_FILE_PROPERTY, String.class)
					.map((file) -> !file.isBlank())
					.orElse(false);
	}

	/** Matches when the admin area is enabled. */
	static final class On implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return in(context);
		}

	}

	/** Matches when no admin password is configured. */
	static final class Off implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !in(context);
		}

	}

}
