package ai.interconnects.archive.episode;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

@Entity
@Table(name = "chapter")
public class Chapter {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chapter_seq")
	@SequenceGenerator(name = "chapter_seq", sequenceName = "chapter_seq", allocationSize = 50)
	private Long id;

	@Column(name = "episode_id", nullable = false)
	private long episodeId;

	@Column(nullable = false)
	private int position;

	@Column(nullable = false)
	private int startSeconds;

	@Column(nullable = false)
	private String title;

	protected Chapter() {
	}

	Chapter(long episodeId, int position, int startSeconds, String title) {
		this.episodeId = episodeId;
		this.position = position;
		this.startSeconds = startSeconds;
		this.title = title;
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

	public int getStartSeconds() {
		return this.startSeconds;
	}

	public String getTitle() {
		return this.title;
	}

}
