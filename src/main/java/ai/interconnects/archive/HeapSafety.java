package ai.interconnects.archive;

import java.lang.management.ManagementFactory;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start-up, once, when the JVM would not exit on {@code OutOfMemoryError}: a JVM
 * that ran out of heap then keeps running without answering, where one that exits is
 * restarted by its supervisor. {@code bin/archive}, the Docker image and
 * {@code ./mvnw spring-boot:run} all set {@code -XX:+ExitOnOutOfMemoryError}; a bare
 * {@code java -jar} does not.
 */
@Component
class HeapSafety {

	private static final Logger log = LoggerFactory.getLogger(HeapSafety.class);

	@EventListener(ApplicationReadyEvent.class)
	void check() {
		warning(exitsOnOutOfMemory()).ifPresent(log::warn);
	}

	static java.util.Optional<String> warning(boolean exitsOnOutOfMemory) {
		if (exitsOnOutOfMemory) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of("This JVM keeps running after an OutOfMemoryError, answering nothing: start the "
				+ "archive with bin/archive, or add -XX:+ExitOnOutOfMemoryError to the java command "
				+ "(README, \"Operations\")");
	}

	static boolean exitsOnOutOfMemory() {
		try {
			var vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
			return "true".equals(vm.getVMOption("ExitOnOutOfMemoryError").getValue())
					|| "true".equals(vm.getVMOption("CrashOnOutOfMemoryError").getValue());
		}
		catch (RuntimeException notHotSpot) {
			// another JVM: nothing to say about a flag it may not have
			return true;
		}
	}

}
