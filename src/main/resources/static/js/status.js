// The player's one status line (a live region): what the audio is doing, what was copied.

const status = document.querySelector('[data-player-status]');
const startNote = document.querySelector('[data-player-start]');

export function announce(text) {
	if (status) {
		status.textContent = text;
		// The status takes the start note's place on the bar, so the bar keeps its height.
		if (startNote) {
			startNote.hidden = text !== '';
		}
	}
}

/** The start note ("Starting at 12:34") goes for good once the audio has failed. */
export function hideStartNote() {
	if (startNote) {
		startNote.hidden = true;
	}
}
