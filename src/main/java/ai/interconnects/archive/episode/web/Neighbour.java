package ai.interconnects.archive.episode.web;

/** The episode before or after another one. Public for JPQL constructor expressions. */
public record Neighbour(String slug, String title) {
}
