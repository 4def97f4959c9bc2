// Progressive enhancement for the reading pages, one module per job (no build step: the
// server serves each under a content-hashed URL and rewrites the imports to match, see
// web/Assets). Everything works without it: timestamps are plain links
// (/episodes/{slug}?t=754), the server puts a #t= media fragment on the audio, marks the
// paragraphs of a shared moment and of a search. With it, timestamps seek the player in
// place, the paragraph and chapter being played are highlighted and followed, a range
// plays and stops at its end, the find bar steps through the matches, quotes and links to
// moments can be copied, and the keyboard controls the player.

import { enableFind } from './find.js';
import { createFollower } from './follower.js';
import { bindPlayerKeys } from './keys.js';
import { padForStickyPlayer, revealMoment } from './page.js';
import { createPlayer, reportState, seekOnTimestampClicks } from './player.js';
import { enableSharing } from './share.js';

padForStickyPlayer();
// a video enclosure plays in <video>, with the same controls and seeking
const media = document.querySelector('audio[data-player], video[data-player]');
if (media) {
	const player = createPlayer(media);
	const follower = createFollower(player);
	reportState(player);
	seekOnTimestampClicks(player, () => follower.resume(false));
	bindPlayerKeys(player);
	// The audio may have failed before this module ran. (networkState is no help here:
	// it reads NO_SOURCE while the browser is still choosing the source.)
	if (media.error) {
		player.fail();
	}
}
enableSharing();
enableFind();
revealMoment();
document.documentElement.dataset.enhanced = 'true';
