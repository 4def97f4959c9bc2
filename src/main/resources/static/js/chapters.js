// The chapter menu in the player's line: it names the chapter being played (or, while the
// audio is idle, the one being read), lists the others, and steps to the previous or next
// one. Going to a chapter seeks the audio when it plays, and otherwise scrolls the
// transcript to its heading or opens the chapter's page.

import { int, targetElement } from './util.js';

function chaptersOf(menu) {
	return [...menu.querySelectorAll('[data-chapter-go]')].map((link) => ({
		link, number: int(link.dataset.number), start: int(link.dataset.start),
		title: link.lastElementChild.textContent,
	}));
}

/** The chapter at a time: the last to start at or before it. */
function at(chapters, time) {
	let found = null;
	for (const chapter of chapters) {
		if (chapter.start > time) {
			break;
		}
		found = chapter;
	}
	return found ?? chapters[0];
}

/** The chapter being read: its heading is the last one above the top of the text, or this page's. */
function read(chapters) {
	const page = window.location.pathname.match(/\/chapters\/(\d+)$/);
	if (page) {
		return chapters.find((c) => c.number === int(page[1])) ?? null;
	}
	const sticky = document.querySelector('.sticky-player');
	// a heading scrolled to sits just under the sticky bar (scroll-padding): it counts
	const top = (sticky ? sticky.getBoundingClientRect().bottom : 0) + 48;
	// before any heading is passed, the reader is at the first chapter (on the transcript)
	let found = document.querySelector('[data-chapter-heading]') ? chapters[0] : null;
	for (const heading of document.querySelectorAll('[data-chapter-heading]')) {
		if (heading.getBoundingClientRect().top > top) {
			break;
		}
		found = chapters.find((c) => `chapter-${c.number}` === heading.id) ?? found;
	}
	return found;
}

function createMenu(menu) {
	const button = menu.querySelector('[data-chapter-menu-button]');
	const popup = menu.querySelector('[data-chapter-menu-popup]');
	const toggle = (open) => {
		popup.hidden = !open;
		button.setAttribute('aria-expanded', String(open));
	};
	button.addEventListener('click', () => toggle(popup.hidden));
	document.addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && !popup.hidden) {
			toggle(false);
			button.focus();
		}
	});
	document.addEventListener('pointerdown', (event) => {
		if (!popup.hidden && !menu.contains(targetElement(event))) {
			toggle(false);
		}
	});
	return { close: () => toggle(false) };
}

/** Calls update at most once a frame while the reader scrolls. */
function onReading(update) {
	let pending = false;
	window.addEventListener('scroll', () => {
		if (!pending) {
			pending = true;
			window.requestAnimationFrame(() => {
				pending = false;
				update();
			});
		}
	}, { passive: true });
}

/**
 * Returns { step(delta), current(), onChange(listener) }, or a quiet stand-in on a page
 * without chapters. onSeek hears of every seek it makes (the follower resumes).
 */
export function enableChapterMenu(player, onSeek) {
	const menu = document.querySelector('[data-chapter-menu]');
	const listeners = [];
	if (!menu || !player) {
		return { step: () => false, current: () => null, onChange: () => {} };
	}
	const media = player.media;
	const chapters = chaptersOf(menu);
	const now = menu.querySelector('[data-chapter-now]');
	const popup = createMenu(menu);
	let shown;
	const started = () => !media.paused || media.currentTime > 0;
	const current = () => (started() ? at(chapters, media.currentTime) : read(chapters));

	function show() {
		const chapter = current();
		if (chapter === shown) {
			return;
		}
		shown = chapter;
		now.textContent = chapter ? chapter.title : 'Chapters';
		for (const c of chapters) {
			c.link.toggleAttribute('aria-current', c === chapter);
		}
		listeners.forEach((listener) => listener(chapter));
	}

	function go(chapter, event) {
		const heading = document.getElementById(`chapter-${chapter.number}`);
		// closed first: while the menu hangs below the bar, scrolling a heading "into
		// view" would stop short of it
		if (started() || heading) {
			popup.close();
		}
		if (started()) {
			onSeek(chapter.start);
			player.seek(chapter.start, !media.paused);
		}
		else if (heading) {
			heading.scrollIntoView({ block: 'start' });
			heading.querySelector('a')?.focus({ preventScroll: true });
		}
		else {
			return;
		}
		event?.preventDefault();
		window.setTimeout(show, 50);
	}

	for (const chapter of chapters) {
		chapter.link.addEventListener('click', (event) => go(chapter, event));
	}
	function step(delta) {
		const from = current();
		const index = from ? chapters.indexOf(from) + delta : (delta > 0 ? 0 : -1);
		const target = chapters[index];
		if (!target) {
			return false;
		}
		if (!started() && !document.getElementById(`chapter-${target.number}`)) {
			window.location.href = target.link.href;
		}
		else {
			go(target);
		}
		return true;
	}
	for (const stepper of menu.querySelectorAll('[data-chapter-step]')) {
		stepper.addEventListener('click', () => step(int(stepper.dataset.chapterStep)));
	}
	for (const type of ['timeupdate', 'seeked', 'play']) {
		media.addEventListener(type, show);
	}
	onReading(() => !started() && show());
	show();
	return { step, current, onChange: (listener) => listeners.push(listener) };
}
