// Continue where you left off: the place in each episode is kept in this browser
// (localStorage, nothing is sent anywhere), and cards and the episode page offer
// "Resume at 23:14", or say "Played" or "Read" once the audio was heard to its end or
// the transcript read to its last paragraph.

import { storedJson, store } from './storage.js';
import { clock, int } from './util.js';

const PREFIX = 'archive.place.';

/** Places under this long are not worth offering to resume. */
const WORTH_RESUMING = 30;

function save(slug, changes) {
	const place = { ...(storedJson(PREFIX + slug) ?? {}), ...changes, at: Date.now() };
	store(PREFIX + slug, JSON.stringify(place));
}

/** Keeps the player's place while it plays (every few seconds, and on pause and end). */
export function keepPlace(player) {
	const media = player.media;
	const slug = media.dataset.episode;
	let saved = 0;
	function keep() {
		const duration = Number.isFinite(media.duration) ? media.duration : int(media.dataset.duration);
		const played = media.ended || (duration > 0 && media.currentTime >= duration * 0.95);
		save(slug, played ? { t: 0, done: true } : { t: Math.floor(media.currentTime), done: false });
		saved = Date.now();
	}
	media.addEventListener('timeupdate', () => {
		if (!media.paused && Date.now() - saved > 5000) {
			keep();
		}
	});
	media.addEventListener('pause', keep);
	media.addEventListener('ended', keep);
}

/** A whole transcript counts as read once its last paragraph has been on screen. */
export function markRead(slug) {
	const last = document.querySelector('[data-transcript][data-whole] [data-segment]:last-of-type');
	if (!last || !slug || !('IntersectionObserver' in window)) {
		return;
	}
	const observer = new IntersectionObserver((entries) => {
		if (entries.some((entry) => entry.isIntersecting)) {
			save(slug, { read: true });
			observer.disconnect();
		}
	});
	observer.observe(last);
}

function describe(element, place) {
	const slug = element.dataset.placeFor;
	element.replaceChildren();
	if (place.t >= WORTH_RESUMING && !place.done) {
		const link = document.createElement('a');
		link.href = `/episodes/${encodeURIComponent(slug)}?t=${place.t}`;
		link.dataset.seek = String(place.t);
		link.textContent = `Resume at ${clock(place.t)}`;
		element.append(link);
	}
	else if (place.done || place.read) {
		element.textContent = place.done ? 'Played' : 'Read';
	}
	element.hidden = element.childNodes.length === 0;
}

/** Fills every [data-place-for] placeholder with what this browser remembers. */
export function showPlaces() {
	for (const element of document.querySelectorAll('[data-place-for]')) {
		const place = storedJson(PREFIX + element.dataset.placeFor);
		if (place) {
			describe(element, place);
		}
	}
}
