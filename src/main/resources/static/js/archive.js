// Progressive enhancement for the reading pages, one module per job (no build step: the
// server serves each under a content-hashed URL and rewrites the imports to match, see
// web/Assets). Everything works without it: timestamps are plain links
// (/episodes/{slug}?t=754), the browser's own controls play the audio, the server puts a
// #t= media fragment on it and marks the paragraphs of a shared moment and of a search.
// With it, the player gets one line of controls with the chapter menu, timestamps seek in
// place, the paragraph and chapter being played are highlighted and followed, a range
// plays and stops at its end, the find bar steps through the matches, moments can be
// copied and shared, the place in each episode is remembered, and the keyboard, the lock
// screen and headphones control the player.

import { enableChapterMenu } from './chapters.js';
import { enableCopyButtons } from './clipboard.js';
import { enableControls } from './controls.js';
import { enableFind } from './find.js';
import { createFollower } from './follower.js';
import { bindKeys } from './keys.js';
import { padForStickyPlayer, revealMoment } from './page.js';
import { createPlayer, reportState, seekOnTimestampClicks } from './player.js';
import { keepPlace, markRead, showPlaces } from './resume.js';
import { enableMediaSession } from './session.js';
import { enableSharing } from './share.js';

function enhancePlayer(media) {
	const player = createPlayer(media);
	const follower = createFollower(player);
	const resume = (seconds) => {
		player.rangeEnd = Number.NaN;
		follower.resume(false);
		return seconds;
	};
	reportState(player);
	enableControls(player);
	seekOnTimestampClicks(player, resume);
	const chapters = enableChapterMenu(player, resume);
	enableMediaSession(player, chapters);
	keepPlace(player);
	markRead(media.dataset.episode);
	// The audio may have failed before this module ran. (networkState is no help here:
	// it reads NO_SOURCE while the browser is still choosing the source.)
	if (media.error) {
		player.fail();
	}
	return { player, chapters, follower: document.querySelector('[data-follow-resume]') ? follower : null };
}

padForStickyPlayer();
// a video enclosure plays in <video>, with the browser's controls and the same seeking
const media = document.querySelector('audio[data-player], video[data-player]');
bindKeys(media ? enhancePlayer(media) : { player: null, chapters: null, follower: null });
enableSharing();
enableFind();
enableCopyButtons();
showPlaces();
window.addEventListener('pageshow', (event) => event.persisted && showPlaces());
revealMoment();
document.documentElement.dataset.enhanced = 'true';
