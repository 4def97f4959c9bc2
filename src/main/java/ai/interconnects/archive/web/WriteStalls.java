package ai.interconnects.archive.web;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import org.apache.catalina.connector.RequestFacade;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long a write to one response may wait for a client that reads nothing. Tomcat
 * allows {@code server.tomcat.connection-timeout} (5 s) for every connection, which keeps
 * idle and slow connections short, but cuts off a large download whose client reads in
 * bursts: {@code curl --limit-rate 100K} reads its buffer at once and then pauses for up
 * to a minute. A response that is meant to be long (the export) asks for more here, for
 * itself only, and gives the connection its usual timeout back afterwards.
 * <p>
 * Tomcat has no public setting per response, so this reaches the connection through
 * Tomcat's own classes; if they change, the connection keeps its usual timeout and this
 * says so once in the log.
 */
public final class WriteStalls {

	private static final Logger log = LoggerFactory.getLogger(WriteStalls.class);

	private static volatile boolean warned;

	private WriteStalls() {
	}

	/**
	 * A changed timeout that {@link #close()} puts back; does nothing if none was set.
	 */
	public interface Allowance extends AutoCloseable {

		@Override
		void close();

	}

	/**
	 * Lets writes to this request's connection wait up to {@code stall} for the client.
	 */
	public static Allowance allow(ServletRequest request, Duration stall) {
		var socket = socket(request);
		if (socket == null) {
			return () -> {
			};
		}
		long previous = socket.getWriteTimeout();
		socket.setWriteTimeout(stall.toMillis());
		return () -> socket.setWriteTimeout(previous);
	}

	private static SocketWrapperBase<?> socket(ServletRequest request) {
		var current = request;
		while (current instanceof ServletRequestWrapper wrapper) {
			current = wrapper.getRequest();
		}
		if (!(current instanceof RequestFacade facade)) {
			return null;
		}
		try {
			var catalina = (org.apache.catalina.connector.Request) field(RequestFacade.class, "request").get(facade);
			var hook = field(org.apache.coyote.Request.class, "hook").get(catalina.getCoyoteRequest());
			Method getter = org.apache.coyote.AbstractProcessor.class.getDeclaredMethod("getSocketWrapper");
			getter.setAccessible(true);
			return (SocketWrapperBase<?>) getter.invoke(hook);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			if (!warned) {
				warned = true;
				log.warn("Could not lengthen the write timeout of a long download ({}); slow readers may be cut off "
						+ "after server.tomcat.connection-timeout", ex.toString());
			}
			return null;
		}
	}

	private static Field field(Class<?> type, String name) throws NoSuchFieldException {
		var field = type.getDeclaredField(name);
		field.setAccessible(true);
		return field;
	}

}
