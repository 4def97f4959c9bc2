// Keyboard: space plays or pauses, arrows skip, unless the reader is typing or the
// focused control has its own use for the key.

import { isTyping, targetElement } from './util.js';

const SKIP_SECONDS = 15;

export function bindPlayerKeys(player) {
	document.addEventListener('keydown', (event) => {
		if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target) ||
			player.failed) {
			return;
		}
		const onControl = targetElement(event)?.closest('button, a, summary, audio, video, [role="button"]') != null;
		if (event.key === ' ' && !onControl) {
			event.preventDefault();
			player.toggle();
		}
		else if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && event.target !== player.media) {
			event.preventDefault();
			player.skip(event.key === 'ArrowLeft' ? -SKIP_SECONDS : SKIP_SECONDS);
		}
	});
}
