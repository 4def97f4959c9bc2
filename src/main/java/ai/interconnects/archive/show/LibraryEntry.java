package ai.interconnects.archive.show;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A show's place in the library, apart from its feed: the slug its URLs carry, where it
 * came from, and the operator's marks. Removing hides the show from every page, search
 * and feed and stops its polling; its rows are kept, so that restoring brings it back as
 * it was.
 */
@Embeddable
public class LibraryEntry {

	/**
	 * Where a show came from: the configuration, an OPML list, the admin form, an import.
	 */
	public enum Origin {

		CONFIG, OPML, FORM, IMPORT

	}

	/** Given at the show's first read, never changed. */
	private String slug;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Origin origin = Origin.CONFIG;

	private Instant pausedAt;

	private Instant removedAt;

	protected LibraryEntry() {
	}

	LibraryEntry(Origin origin) {
		this.origin = origin;
	}

	/** Gives the show its slug, once: a slug is never changed. */
	public void name(String slug) {
		if (this.slug == null) {
			this.slug = slug;
		}
	}

	/** Stops polling until {@link #resume()}; the show stays on every page. */
	public void pause(Instant now) {
		this.pausedAt = now;
	}

	public void resume() {
		this.pausedAt = null;
	}

	public void remove(Instant now) {
		this.removedAt = now;
	}

	public void restore() {
		this.removedAt = null;
	}

	/** Whether the show is polled at all: neither paused nor removed. */
	boolean polled() {
		return this.pausedAt == null && this.removedAt == null;
	}

	public String slug() {
		return this.slug;
	}

	public Origin origin() {
		return this.origin;
	}

	public Instant pausedAt() {
		return this.pausedAt;
	}

	public Instant removedAt() {
		return this.removedAt;
	}

}
