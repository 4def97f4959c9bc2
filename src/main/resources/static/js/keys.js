// Keyboard: Space plays or pauses, ←/→ skip 15 s, / goes to the search box, j/k to the
// next or previous paragraph, n/p to the next or previous chapter, f follows the audio
// again and ? lists them. Nothing happens while the reader types, or when the focused
// control has its own use for the key.

import { SKIP_SECONDS } from './controls.js';
import { isTyping, targetElement } from './util.js';

const SHORTCUTS = [
	['Space', 'play or pause', 'player'],
	['← →', `back or forward ${SKIP_SECONDS} seconds`, 'player'],
	['j k', 'next or previous paragraph', 'transcript'],
	['n p', 'next or previous chapter', 'chapters'],
	['f', 'follow the audio in the text', 'follow'],
	['/', 'search', null],
	['?', 'these shortcuts', null],
];

function helpDialog(available) {
	const dialog = document.createElement('dialog');
	dialog.className = 'shortcuts-dialog';
	dialog.setAttribute('aria-labelledby', 'shortcuts-title');
	const title = document.createElement('h2');
	title.id = 'shortcuts-title';
	title.textContent = 'Keyboard shortcuts';
	const list = document.createElement('dl');
	for (const [keys, what, needs] of SHORTCUTS) {
		if (needs === null || available[needs]) {
			const term = document.createElement('dt');
			for (const key of keys.split(' ')) {
				const kbd = document.createElement('kbd');
				kbd.textContent = key === 'Space' ? 'Space' : key;
				term.append(kbd, ' ');
			}
			const description = document.createElement('dd');
			description.textContent = what;
			list.append(term, description);
		}
	}
	const close = document.createElement('button');
	close.type = 'button';
	close.textContent = 'Close';
	close.addEventListener('click', () => dialog.close());
	dialog.append(title, list, close);
	document.body.append(dialog);
	return dialog;
}

/** The paragraph the reader is at: the focused one, else the first below the sticky bar. */
function paragraphIndex(paragraphs) {
	const focused = paragraphs.findIndex((p) => p.contains(document.activeElement));
	if (focused >= 0) {
		return focused;
	}
	const sticky = document.querySelector('.sticky-player');
	const top = sticky ? sticky.getBoundingClientRect().bottom : 0;
	return paragraphs.findIndex((p) => p.getBoundingClientRect().bottom > top + 8) - 1;
}

function moveParagraph(delta) {
	const paragraphs = [...document.querySelectorAll('[data-transcript] [data-segment]')];
	const target = paragraphs[Math.min(Math.max(paragraphIndex(paragraphs) + delta, 0), paragraphs.length - 1)];
	if (target) {
		target.scrollIntoView({ block: 'start' });
		target.querySelector('a.ts, button, a')?.focus({ preventScroll: true });
	}
}

function focusSearch() {
	const box = document.querySelector('[data-find] input[name="q"]') ?? document.getElementById('site-search-q');
	box?.focus();
	box?.select();
}

/** Binds the keys; player, chapters and follower may be null on a page without them. */
export function bindKeys({ player, chapters, follower }) {
	const available = {
		player: player !== null && !player?.failed,
		transcript: document.querySelector('[data-transcript]') !== null,
		chapters: document.querySelector('[data-chapter-menu]') !== null,
		follow: follower !== null,
	};
	let dialog = null;
	const actions = {
		'/': focusSearch,
		'j': () => available.transcript && moveParagraph(1),
		'k': () => available.transcript && moveParagraph(-1),
		'n': () => chapters?.step(1),
		'p': () => chapters?.step(-1),
		'f': () => follower?.resume(true),
		'?': () => (dialog ??= helpDialog(available)).showModal(),
	};
	document.addEventListener('keydown', (event) => {
		if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target) ||
			document.querySelector('dialog[open]')) {
			return;
		}
		if (actions[event.key]) {
			event.preventDefault();
			actions[event.key]();
			return;
		}
		if (!player || player.failed) {
			return;
		}
		const onControl = targetElement(event)?.closest('button, a, summary, audio, video, [role="button"], input') != null;
		if (event.key === ' ' && !onControl) {
			event.preventDefault();
			player.toggle();
		}
		else if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && event.target !== player.media &&
			!targetElement(event)?.matches('input[type="range"]')) {
			event.preventDefault();
			player.skip(event.key === 'ArrowLeft' ? -SKIP_SECONDS : SKIP_SECONDS);
		}
	});
}
