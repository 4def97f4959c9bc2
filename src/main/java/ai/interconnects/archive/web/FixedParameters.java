package ai.interconnects.archive.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose parameters were decided once, by the filter that wraps it (the page
 * cache keeps the ones a page reads, the form-body filter the ones of a body it read
 * under its limits): whatever the servlet container would parse is not consulted.
 */
class FixedParameters extends HttpServletRequestWrapper {

	private final Map<String, String[]> parameters;

	FixedParameters(HttpServletRequest request, Map<String, String[]> parameters) {
		super(request);
		this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
	}

	@Override
	public String getParameter(String name) {
		var values = this.parameters.get(name);
		return (values != null && values.length > 0) ? values[0] : null;
	}

	@Override
	public Map<String, String[]> getParameterMap() {
		return this.parameters;
	}

	@Override
	public Enumeration<String> getParameterNames() {
		return Collections.enumeration(this.parameters.keySet());
	}

	@Override
	public String[] getParameterValues(String name) {
		var values = this.parameters.get(name);
		return (values != null) ? values.clone() : null;
	}

}
