package ai.interconnects.archive.episode;

/** An episode's identity key and the hash of the item it was last stored from. */
public record StoredHash(String guid, String contentHash) {
}
