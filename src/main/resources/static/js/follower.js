// Following the audio: the paragraph and chapter being played are highlighted, and the
// paragraph is kept in view until the reader scrolls away; a button, shown only while the
// audio plays, resumes following. Only the reader's own input (wheel, touch, keys,
// dragging the scrollbar) counts as scrolling away: scrolls this script makes, and the
// browser's own adjustments, do not.

import { int, isTyping, scrollBehavior, timed } from './util.js';

function mark(elements, on) {
	for (const el of elements) {
		el.classList.toggle('is-current', on);
		if (on) {
			el.setAttribute('aria-current', 'time');
		}
		else if (el.getAttribute('aria-current') === 'time') {
			el.removeAttribute('aria-current');
		}
	}
}

function inView(el) {
	const rect = el.getBoundingClientRect();
	const sticky = document.querySelector('.sticky-player');
	const top = sticky ? sticky.getBoundingClientRect().bottom : 0;
	return rect.top >= top && rect.bottom <= window.innerHeight * 0.85;
}

function scrollTo(el) {
	el.scrollIntoView({ block: 'center', behavior: scrollBehavior() });
}

/** Marks the chapters whose time span holds the audio's position. */
function markChapters(chapters, media) {
	const time = media.currentTime;
	for (const chapter of chapters) {
		const end = Number.isFinite(chapter.end) ? chapter.end : Infinity;
		const next = chapters.find((c) => c.start > chapter.start);
		const until = Math.min(end, next ? next.start : Infinity);
		mark([chapter.el], time >= chapter.start && time < until && (time > 0 || !media.paused));
	}
}

/** Calls stop whenever the reader scrolls on their own. */
function onReaderScroll(stop) {
	let pointerDown = false;
	window.addEventListener('wheel', stop, { passive: true });
	window.addEventListener('touchmove', stop, { passive: true });
	window.addEventListener('keydown', (event) => {
		if (['PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown'].includes(event.key) && !isTyping(event.target)) {
			stop();
		}
	});
	// Dragging the scrollbar: a scroll while a pointer is down on the page.
	window.addEventListener('pointerdown', () => {
		pointerDown = true;
	});
	window.addEventListener('pointerup', () => {
		pointerDown = false;
	});
	window.addEventListener('scroll', () => {
		if (pointerDown) {
			stop();
		}
	}, { passive: true });
}

export function createFollower(player) {
	const media = player.media;
	const segments = timed('[data-segment]');
	const chapters = timed('[data-chapter], [data-chapter-heading]');
	const transcript = document.querySelector('[data-transcript]');
	const transcriptEnd = transcript ? int(transcript.dataset.end) : Number.NaN;
	const resumeButton = document.querySelector('[data-follow-resume]');
	let following = true;
	let current = null;

	/** The one paragraph playing: the last to start at or before the time. */
	function playingAt(time) {
		if (Number.isFinite(transcriptEnd) && time >= transcriptEnd) {
			return null;
		}
		let found = null;
		for (const segment of segments) {
			if (segment.start > time) {
				break;
			}
			found = segment.el;
		}
		return found;
	}

	function showResume() {
		if (resumeButton) {
			resumeButton.hidden = following || media.paused || player.failed || segments.length === 0;
		}
	}

	function update() {
		// on its way to a seek the audio still reports where it was: wait for it to arrive
		if (player.pendingSeek !== null) {
			return;
		}
		markChapters(chapters, media);
		const playing = playingAt(media.currentTime);
		if (playing === current) {
			return;
		}
		if (current) {
			mark([current], false);
		}
		current = playing;
		if (current) {
			mark([current], true);
			if (following && !media.paused && !inView(current)) {
				scrollTo(current);
			}
		}
	}

	function stopFollowing() {
		if (!following || media.paused || segments.length === 0) {
			return;
		}
		following = false;
		showResume();
	}

	function resume(scroll) {
		following = true;
		showResume();
		if (scroll && current) {
			scrollTo(current);
		}
	}

	media.addEventListener('timeupdate', update);
	media.addEventListener('seeked', update);
	media.addEventListener('play', update);
	media.addEventListener('playing', showResume);
	media.addEventListener('pause', showResume);
	player.onFail(showResume);
	resumeButton?.addEventListener('click', () => resume(true));
	onReaderScroll(stopFollowing);
	return { resume };
}
