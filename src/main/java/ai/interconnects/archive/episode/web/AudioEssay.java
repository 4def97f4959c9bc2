package ai.interconnects.archive.episode.web;

import org.jsoup.Jsoup;

/**
 * Whether an episode reads as an audio essay: a text read aloud, whose notes are that
 * text. Decided from the episode's own data, for any show, never from the show's name:
 * the feed describes no transcript (none in the description, no publisher file) and no
 * chapters, the enclosure is not a video, and the notes hold at least
 * {@value #ESSAY_WORDS_PER_MINUTE} words per minute of audio. Read aloud, a text runs at
 * about 150 to 190 words a minute (the Interconnects essays: 108 to 197), so notes that
 * dense are the words spoken; show notes (a summary, links, credits) are a small fraction
 * of that. Without a duration there is nothing to compare, and the episode is not called
 * an essay: the page then just says it has no transcript.
 *
 * @param essay whether the episode is one
 * @param readingMinutes minutes to read its notes at 230 words a minute (0 when not an
 * essay)
 */
record AudioEssay(boolean essay, int readingMinutes) {

	static final int ESSAY_WORDS_PER_MINUTE = 60;

	private static final int READING_WORDS_PER_MINUTE = 230;

	static final AudioEssay NONE = new AudioEssay(false, 0);

	static AudioEssay of(EpisodeView episode, boolean hasTranscript, boolean hasChapters) {
		var notes = episode.showNotesHtml();
		Integer duration = episode.durationSeconds();
		if (hasTranscript || hasChapters || episode.transcriptOrigin().fileUrl() != null || duration == null
				|| duration <= 0 || notes == null || notes.isBlank() || Player.isVideo(episode.audioType())) {
			return NONE;
		}
		var text = Jsoup.parse(notes).text().strip();
		int words = text.isEmpty() ? 0 : text.split("\\s+").length;
		if (words * 60L < (long) ESSAY_WORDS_PER_MINUTE * duration) {
			return NONE;
		}
		return new AudioEssay(true, Math.max(1, Math.round(words / (float) READING_WORDS_PER_MINUTE)));
	}

}
