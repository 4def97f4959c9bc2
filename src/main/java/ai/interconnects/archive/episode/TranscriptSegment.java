package ai.interconnects.archive.episode;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One transcript paragraph. {@code startSeconds} is null for a continuation paragraph
 * that carries no timestamp of its own.
 */
@Entity
@Table(name = "transcript_segment")
public class TranscriptSegment {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "transcript_segment_seq")
	@SequenceGenerator(name = "transcript_segment_seq", sequenceName = "transcript_segment_seq", allocationSize = 50)
	private Long id;

	@Column(name = "episode_id", nullable = false)
	private long episodeId;

	@Column(nullable = false)
	private int position;

	private Integer startSeconds;

	private Integer endSeconds;

	private String speaker;

	@Column(nullable = false)
	private String text;

	protected TranscriptSegment() {
	}

	TranscriptSegment(long episodeId, int position, Integer startSeconds, String speaker, String text) {
		this(episodeId, position, startSeconds, null, speaker, text);
	}

	TranscriptSegment(long episodeId, int position, Integer startSeconds, Integer endSeconds, String speaker,
			String text) {
		this.episodeId = episodeId;
		this.position = position;
		this.startSeconds = startSeconds;
		this.endSeconds = endSeconds;
		this.speaker = speaker;
		this.text = text;
	}

	public Long getId() {
		return this.id;
	}

	public long getEpisodeId() {
		return this.episodeId;
	}

	public int getPosition() {
		return this.position;
	}

	public Integer getStartSeconds() {
		return this.startSeconds;
	}

	/** Where the source gives one (VTT, SRT, JSON transcripts). */
	public Integer getEndSeconds() {
		return this.endSeconds;
	}

	public String getSpeaker() {
		return this.speaker;
	}

	public String getText() {
		return this.text;
	}

}
