package ai.interconnects.archive.episode;

/**
 * A person an episode names ({@code podcast:person}), as stored: {@code img} and
 * {@code href} were checked as http(s) URLs when stored.
 */
public record PersonEntry(String name, String role, String group, String img, String href) {
}
