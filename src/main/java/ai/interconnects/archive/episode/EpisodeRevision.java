package ai.interconnects.archive.episode;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The state of an episode before its description, enclosure, title or GUID changed. */
@Entity
@Table(name = "episode_revision")
public class EpisodeRevision {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "episode_id", nullable = false)
	private long episodeId;

	@Column(nullable = false)
	private Instant recordedAt;

	@Column(nullable = false)
	private String changedFields;

	private String oldTitle;

	private String oldRawDescription;

	private String oldAudioUrl;

	@Column(nullable = false)
	private String oldContentHash;

	protected EpisodeRevision() {
	}

	EpisodeRevision(Episode old, String changedFields, Instant recordedAt) {
		this.episodeId = old.getId();
		this.recordedAt = recordedAt;
		this.changedFields = changedFields;
		this.oldTitle = old.getTitle();
		this.oldRawDescription = old.getRawDescription();
		this.oldAudioUrl = old.getAudio().url();
		this.oldContentHash = old.getContentHash();
	}

	public Long getId() {
		return this.id;
	}

	public long getEpisodeId() {
		return this.episodeId;
	}

	public Instant getRecordedAt() {
		return this.recordedAt;
	}

	public String getChangedFields() {
		return this.changedFields;
	}

	public String getOldTitle() {
		return this.oldTitle;
	}

	public String getOldRawDescription() {
		return this.oldRawDescription;
	}

	public String getOldAudioUrl() {
		return this.oldAudioUrl;
	}

	public String getOldContentHash() {
		return this.oldContentHash;
	}

}
