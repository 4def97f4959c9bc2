// The Media Session: the lock screen, the notification and headphones show the episode
// and the chapter being played, and can play, pause, skip 15 s and go to the previous or
// next chapter.

import { SKIP_SECONDS } from './controls.js';

function artwork(src) {
	return src ? [{ src: new URL(src, window.location.href).href }] : [];
}

function setHandler(action, handler) {
	try {
		navigator.mediaSession.setActionHandler(action, handler);
	}
	catch {
		// an action this browser does not know
	}
}

export function enableMediaSession(player, chapters) {
	if (!('mediaSession' in navigator) || typeof window.MediaMetadata !== 'function') {
		return;
	}
	const media = player.media;
	const episode = media.dataset.title ?? document.title;
	const site = document.querySelector('meta[property="og:site_name"]')?.content ?? '';
	function describe(chapter) {
		navigator.mediaSession.metadata = new window.MediaMetadata({
			title: chapter ? chapter.title : episode, artist: site, album: episode,
			artwork: artwork(media.dataset.image),
		});
	}
	describe(chapters.current());
	chapters.onChange(describe);
	setHandler('play', () => player.play());
	setHandler('pause', () => media.pause());
	setHandler('seekbackward', (details) => player.skip(-(details.seekOffset || SKIP_SECONDS)));
	setHandler('seekforward', (details) => player.skip(details.seekOffset || SKIP_SECONDS));
	setHandler('seekto', (details) => player.seek(details.seekTime, false));
	setHandler('previoustrack', () => chapters.step(-1));
	setHandler('nexttrack', () => chapters.step(1));
	function position() {
		if (Number.isFinite(media.duration) && media.duration > 0 && 'setPositionState' in navigator.mediaSession) {
			navigator.mediaSession.setPositionState({
				duration: media.duration, playbackRate: media.playbackRate,
				position: Math.min(media.currentTime, media.duration),
			});
		}
	}
	for (const type of ['loadedmetadata', 'seeked', 'ratechange', 'play', 'pause']) {
		media.addEventListener(type, position);
	}
}
