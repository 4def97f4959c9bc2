// The find bar: the server marked every matching word of ?q=; this steps through the
// matching moments (paragraphs, counted as /search counts them: "3 of 13", wrapping
// around), and Escape or "Clear" clears them.

import { isTyping, scrollBehavior } from './util.js';

/** The matching paragraphs of the page and the one being looked at. */
function createFinder(transcript, form) {
	const input = form.querySelector('input[name="q"]');
	const count = form.querySelector('[data-find-count]');
	const nav = form.querySelector('[data-find-nav]');
	const finder = { moments: [...transcript.querySelectorAll('.is-match')], index: -1, count, nav };
	const marks = (i) => finder.moments[i]?.querySelectorAll('mark') ?? [];

	finder.select = (i) => {
		marks(finder.index).forEach((mark) => mark.classList.remove('is-current-match'));
		finder.index = (i + finder.moments.length) % finder.moments.length;
		marks(finder.index).forEach((mark) => mark.classList.add('is-current-match'));
		count.textContent = `${finder.index + 1} of ${finder.moments.length}`;
		return finder.moments[finder.index];
	};
	finder.show = (i) => {
		if (finder.moments.length > 0) {
			finder.select(i).scrollIntoView({ block: 'center', behavior: scrollBehavior() });
		}
	};
	finder.clear = () => {
		for (const mark of transcript.querySelectorAll('mark')) {
			mark.replaceWith(document.createTextNode(mark.textContent));
		}
		for (const paragraph of finder.moments) {
			paragraph.classList.remove('is-match');
			paragraph.querySelector('.segment-text')?.normalize();
			paragraph.querySelector('.next-match')?.remove();
		}
		form.querySelector('.find-links')?.remove();
		finder.moments = [];
		finder.index = -1;
		input.value = '';
		count.textContent = '';
		nav.hidden = true;
		form.classList.remove('is-active');
		const url = new URL(window.location.href);
		url.searchParams.delete('q');
		window.history.replaceState(null, '', url);
	};
	return finder;
}

/**
 * Where counting starts: opened at a moment (a search result's link), from the match
 * there; otherwise at the first.
 */
function startCounting(finder, form) {
	finder.nav.hidden = false;
	for (const link of document.querySelectorAll('.next-match, [data-next-match]')) {
		link.hidden = true;
	}
	const url = new URL(window.location.href);
	const target = url.hash ? document.getElementById(url.hash.slice(1)) : null;
	const there = finder.moments.indexOf(target);
	if (there >= 0) {
		finder.select(there);
		target.scrollIntoView({ block: 'center' });
	}
	else if (!url.hash && !url.searchParams.has('t')) {
		finder.show(0);
	}
	else {
		const n = finder.moments.length;
		finder.count.textContent = `${n} matching ${n === 1 ? 'moment' : 'moments'}`;
	}
	form.querySelector('[data-find-clear]')?.addEventListener('click', (event) => {
		event.preventDefault();
		finder.clear();
	});
}

export function enableFind() {
	const form = document.querySelector('[data-find]');
	const transcript = document.querySelector('[data-transcript]');
	if (!form || !transcript) {
		return;
	}
	const input = form.querySelector('input[name="q"]');
	const query = new URL(window.location.href).searchParams.get('q')?.trim() ?? '';
	const finder = createFinder(transcript, form);
	if (query !== '' && finder.moments.length > 0) {
		startCounting(finder, form);
	}
	form.querySelector('[data-find-next]').addEventListener('click', () => finder.show(finder.index + 1));
	form.querySelector('[data-find-prev]').addEventListener('click', () => finder.show(finder.index - 1));
	form.addEventListener('submit', (event) => {
		// The same words again: next match, as a browser's find does.
		if (input.value.trim() === query && finder.moments.length > 0) {
			event.preventDefault();
			finder.show(finder.index + 1);
		}
	});
	input.addEventListener('keydown', (event) => {
		if (event.key === 'Enter' && event.shiftKey && finder.moments.length > 0 && input.value.trim() === query) {
			event.preventDefault();
			finder.show(finder.index - 1);
		}
	});
	document.addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && (form.contains(event.target) || !isTyping(event.target)) &&
			(finder.moments.length > 0 || query !== '') && document.querySelector('[data-share-menu]')?.hidden !== false) {
			finder.clear();
		}
	});
}
