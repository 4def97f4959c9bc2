package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.episode.PersonEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import ai.interconnects.archive.web.WebUrl;

/**
 * The people an episode's feed item names ({@code podcast:person}), grouped by role for
 * the episode header: "Hosts: Ada · Guests: Grace, Linus". Hosts, co-hosts and guests
 * come first, other roles (producer, editor…) after them in the feed's order. Pictures
 * are only shown from https URLs: the Content-Security-Policy allows no other remote
 * images, and a blocked picture would leave a broken icon.
 */
public record People(List<Credit> credits) {

	private static final List<String> FIRST = List.of("host", "co-host", "guest");

	/** One role and the people in it, {@code label} already in the plural when needed. */
	public record Credit(String label, List<Person> persons) {
	}

	/** {@code href} is an http(s) URL or null, {@code img} an https URL or null. */
	public record Person(String name, String href, String img) {
	}

	public boolean isEmpty() {
		return this.credits.isEmpty();
	}

	static People of(List<PersonEntry> rows) {
		var byRole = new LinkedHashMap<String, List<Person>>();
		FIRST.forEach((role) -> byRole.put(role, new ArrayList<>()));
		for (var row : rows) {
			var img = WebUrl.parse(row.img()).filter(WebUrl::isHttps).map(WebUrl::toString).orElse(null);
			byRole.computeIfAbsent(row.role(), (role) -> new ArrayList<>())
				.add(new Person(row.name(), WebUrl.orNull(row.href()), img));
		}
		var credits = new ArrayList<Credit>();
		byRole.forEach((role, persons) -> {
			if (!persons.isEmpty()) {
				credits.add(new Credit(label(role, persons.size()), List.copyOf(persons)));
			}
		});
		return new People(List.copyOf(credits));
	}

	/** "host" → "Host", two of them "Hosts"; "co-host" → "Co-hosts". */
	static String label(String role, int count) {
		var label = role.substring(0, 1).toUpperCase(Locale.ROOT) + role.substring(1);
		return (count > 1 && !label.endsWith("s")) ? label + "s" : label;
	}

}
