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

	private Integer endSeconds;

	private String url;

	private String imageUrl;

	protected Chapter() {
	}

	Chapter(long episodeId, int position, int startSeconds, String title) {
		this(episodeId, position, startSeconds, null, title, null, null);
	}

	Chapter(long episodeId, int position, int startSeconds, Integer endSeconds, String title, String url,
			String imageUrl) {
		this.episodeId = episodeId;
		this.position = position;
		this.startSeconds = startSeconds;
		this.endSeconds = endSeconds;
		this.title = title;
		this.url = url;
		this.imageUrl = imageUrl;
	}

	/** Only from a chapters file that gives it ({@code endTime}); null otherwise. */
	public Integer getEndSeconds() {
		return this.endSeconds;
	}

	/** A link the publisher gives for the chapter (http or https only). */
	public String getUrl() {
		return this.url;
	}

	public String getImageUrl() {
		return this.imageUrl;
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
