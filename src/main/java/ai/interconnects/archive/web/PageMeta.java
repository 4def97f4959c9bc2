package ai.interconnects.archive.web;

/**
 * Head metadata the layout renders when a page provides it: canonical URL, description,
 * Open Graph and Twitter card tags. URLs are absolute.
 */
public record PageMeta(String canonicalUrl, String title, String description, String type, String imageUrl,
		String audioUrl, String audioType) {

	public static PageMeta page(String canonicalUrl, String title, String description) {
		return new PageMeta(canonicalUrl, title, description, "website", null, null, null);
	}

}
