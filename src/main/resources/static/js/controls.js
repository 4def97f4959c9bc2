// The player's own line of controls, in place of the browser's: play, back and forward
// 15 s, the time, the speed (remembered) and a progress line to drag. The browser's
// controls stay for a video, and for anyone without this script.

import { stored, store } from './storage.js';
import { clock } from './util.js';

export const SKIP_SECONDS = 15;

const SPEEDS = [1, 1.25, 1.5, 2];

const SPEED_KEY = 'archive.speed';

function showTime(player, controls) {
	const media = player.media;
	const time = controls.querySelector('[data-time]');
	const progress = controls.querySelector('[data-progress]');
	const at = player.pendingSeek ?? media.currentTime;
	time.textContent = clock(at);
	if (Number.isFinite(media.duration) && media.duration > 0) {
		progress.max = String(Math.floor(media.duration));
	}
	if (document.activeElement !== progress) {
		progress.value = String(Math.floor(at));
	}
	const total = Number(progress.max) > 0 ? ` of ${clock(Number(progress.max))}` : '';
	progress.setAttribute('aria-valuetext', `${clock(at)}${total}`);
}

function showPlaying(player, button) {
	const playing = !player.media.paused;
	button.classList.toggle('is-playing', playing);
	button.setAttribute('aria-label', playing ? 'Pause' : 'Play');
}

/** The speed button steps through 1×, 1.25×, 1.5×, 2×; the choice is kept for every episode. */
function bindSpeed(player, button) {
	const media = player.media;
	function apply(rate) {
		media.defaultPlaybackRate = rate;
		media.playbackRate = rate;
		button.textContent = `${rate}×`;
		button.setAttribute('aria-label', `Playback speed ${rate}×`);
	}
	const saved = Number(stored(SPEED_KEY));
	if (SPEEDS.includes(saved)) {
		apply(saved);
	}
	button.addEventListener('click', () => {
		const next = SPEEDS[(SPEEDS.indexOf(media.playbackRate) + 1) % SPEEDS.length] ?? 1;
		apply(next);
		store(SPEED_KEY, String(next));
	});
	// loading a source resets the rate to the default: keep the reader's choice
	media.addEventListener('loadedmetadata', () => apply(media.defaultPlaybackRate));
}

export function enableControls(player) {
	const controls = document.querySelector('[data-controls]');
	const media = player.media;
	if (!controls || media.tagName !== 'AUDIO') {
		return;
	}
	media.controls = false;
	media.classList.add('is-replaced');
	controls.hidden = false;
	const play = controls.querySelector('[data-play]');
	play.addEventListener('click', () => player.toggle());
	for (const skip of controls.querySelectorAll('[data-skip]')) {
		skip.addEventListener('click', () => player.skip(Number(skip.dataset.skip)));
	}
	const progress = controls.querySelector('[data-progress]');
	progress.addEventListener('change', () => player.seek(Number(progress.value), false));
	progress.addEventListener('input', () => {
		controls.querySelector('[data-time]').textContent = clock(Number(progress.value));
	});
	bindSpeed(player, controls.querySelector('[data-speed]'));
	for (const type of ['play', 'pause', 'playing', 'ended']) {
		media.addEventListener(type, () => showPlaying(player, play));
	}
	for (const type of ['timeupdate', 'seeking', 'seeked', 'loadedmetadata', 'durationchange']) {
		media.addEventListener(type, () => showTime(player, controls));
	}
	showTime(player, controls);
}

