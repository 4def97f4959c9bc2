// The player: seeking and playing, what it says about itself, and timestamp links that
// seek in place. It only ever says what the audio element reports.

import { announce, hideStartNote } from './status.js';
import { clock, int, targetElement } from './util.js';

/**
 * Makes the player failed for good: a media error (host down, offline, blocked,
 * unsupported) or a source that cannot be fetched. It says so, with the direct download
 * link, and stops pretending.
 */
function failOnce(player) {
	if (player.failed) {
		return;
	}
	player.failed = true;
	announce('');
	hideStartNote();
	const failure = document.querySelector('[data-player-error]');
	if (failure) {
		failure.hidden = false;
	}
	player.media.classList.add('is-unavailable');
	player.media.closest('.player')?.classList.add('is-failed');
	player.failListeners.forEach((listener) => listener());
}

function seekTo(player, seconds, andPlay) {
	const media = player.media;
	if (player.failed) {
		return;
	}
	if (media.readyState >= HTMLMediaElement.HAVE_METADATA) {
		media.currentTime = seconds;
	}
	else {
		player.pendingSeek = seconds;
		if (media.preload === 'none') {
			media.preload = 'metadata';
		}
		media.load();
	}
	if (andPlay) {
		player.play();
	}
}

/** The player's state and the moves everything else asks of it. */
export function createPlayer(media) {
	const player = {
		media,
		failed: false,
		failListeners: [],
		pendingSeek: null,
		// The end of the range the page was opened at (?t=754,801): playback stops there once.
		rangeEnd: int(media.dataset.end),
		onFail: (listener) => player.failListeners.push(listener),
		fail: () => failOnce(player),
		play() {
			media.play().catch((error) => {
				if (error.name === 'NotSupportedError' || media.error) {
					player.fail();
				}
				else if (error.name === 'NotAllowedError') {
					announce(`Press play to listen from ${clock(player.pendingSeek ?? media.currentTime)}`);
				}
			});
		},
		seek: (seconds, andPlay) => seekTo(player, seconds, andPlay),
		/** Skips by delta seconds, kept inside the audio. */
		skip(delta) {
			const limit = Number.isFinite(media.duration) ? media.duration : Infinity;
			player.seek(Math.min(Math.max(0, media.currentTime + delta), limit), false);
		},
		toggle: () => (media.paused ? player.play() : media.pause()),
		focusDownload: () => document.querySelector('[data-player-error] a')?.focus(),
	};
	media.addEventListener('error', () => player.fail());
	media.addEventListener('loadedmetadata', () => {
		if (player.pendingSeek !== null) {
			media.currentTime = player.pendingSeek;
			player.pendingSeek = null;
		}
	});
	const start = int(media.dataset.start);
	if (Number.isFinite(start) && start > 0) {
		player.pendingSeek = start;
		// Load only the metadata so the timeline shows where playback will start.
		media.preload = 'metadata';
	}
	return player;
}

/** Says what the audio does, and stops a shared range at its end. */
export function reportState(player) {
	const media = player.media;
	let stoppedAt = null;
	media.addEventListener('playing', () => {
		announce(Number.isFinite(player.rangeEnd)
			? `Playing ${clock(media.currentTime)} – ${clock(player.rangeEnd)}`
			: `Playing from ${clock(media.currentTime)}`);
	});
	media.addEventListener('pause', () => {
		if (stoppedAt !== null) {
			announce(`End of the shared moment at ${clock(stoppedAt)}. Press play to go on.`);
			stoppedAt = null;
		}
		else if (!player.failed && !media.ended) {
			announce(`Paused at ${clock(media.currentTime)}`);
		}
	});
	media.addEventListener('seeked', () => {
		if (player.failed) {
			return;
		}
		announce(media.paused ? `At ${clock(media.currentTime)}, paused` : `Playing from ${clock(media.currentTime)}`);
	});
	media.addEventListener('timeupdate', () => {
		if (Number.isFinite(player.rangeEnd) && media.currentTime >= player.rangeEnd) {
			stoppedAt = player.rangeEnd;
			player.rangeEnd = Number.NaN;
			media.pause();
		}
	});
}

function rememberMoment(seconds) {
	const url = new URL(window.location.href);
	url.searchParams.set('t', String(seconds));
	url.hash = '';
	window.history.replaceState(null, '', url);
}

/**
 * Timestamp links of this episode seek in place instead of loading the episode page;
 * onSeek hears of each (the follower resumes).
 */
export function seekOnTimestampClicks(player, onSeek) {
	const episodePath = `/episodes/${player.media.dataset.episode}`;
	document.addEventListener('click', (event) => {
		const link = targetElement(event)?.closest('a[data-seek]');
		if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
			event.shiftKey || event.altKey) {
			return;
		}
		const seconds = int(link.dataset.seek);
		if (!Number.isFinite(seconds) || new URL(link.href).pathname !== episodePath) {
			return;
		}
		event.preventDefault();
		if (player.failed) {
			player.focusDownload();
			return;
		}
		// A reader who picks another moment has left the shared range (onSeek says so).
		onSeek(seconds);
		player.seek(seconds, true);
		rememberMoment(seconds);
	});
}
