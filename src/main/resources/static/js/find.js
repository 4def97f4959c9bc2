// The find bar: the server marked every match of ?q=; this steps through them ("3 of 13",
// wrapping around), and Escape clears them.

import { isTyping, scrollBehavior } from './util.js';

/** The marks of the page and the one being looked at. */
function createFinder(transcript, form) {
	const input = form.querySelector('input[name="q"]');
	const count = form.querySelector('[data-find-count]');
	const nav = form.querySelector('[data-find-nav]');
	const finder = { marks: [...transcript.querySelectorAll('.is-match mark')], index: -1, count, nav };

	finder.select = (i) => {
		finder.marks[finder.index]?.classList.remove('is-current-match');
		finder.index = (i + finder.marks.length) % finder.marks.length;
		finder.marks[finder.index].classList.add('is-current-match');
		count.textContent = `${finder.index + 1} of ${finder.marks.length}`;
		return finder.marks[finder.index];
	};
	finder.show = (i) => {
		if (finder.marks.length > 0) {
			finder.select(i).scrollIntoView({ block: 'center', behavior: scrollBehavior() });
		}
	};
	finder.clear = () => {
		for (const mark of finder.marks) {
			mark.replaceWith(document.createTextNode(mark.textContent));
		}
		for (const paragraph of transcript.querySelectorAll('.is-match')) {
			paragraph.classList.remove('is-match');
			paragraph.querySelector('.segment-text')?.normalize();
			paragraph.querySelector('.next-match')?.remove();
		}
		document.querySelector('.search-note')?.remove();
		finder.marks = [];
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
 * Where counting starts: opened at a moment (a search result's "Read in transcript"),
 * from the match there; otherwise at the first.
 */
function startCounting(finder, transcript) {
	finder.nav.hidden = false;
	for (const link of transcript.querySelectorAll('.next-match')) {
		link.hidden = true;
	}
	const url = new URL(window.location.href);
	const target = url.hash ? document.getElementById(url.hash.slice(1)) : null;
	const there = target?.querySelector('mark');
	if (there) {
		finder.select(finder.marks.indexOf(there));
		target.scrollIntoView({ block: 'center' });
	}
	else if (!url.hash && !url.searchParams.has('t')) {
		finder.show(0);
	}
	else {
		const n = finder.marks.length;
		finder.count.textContent = `${n} ${n === 1 ? 'match' : 'matches'}`;
	}
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
	if (query !== '' && finder.marks.length > 0) {
		startCounting(finder, transcript);
	}
	form.querySelector('[data-find-next]').addEventListener('click', () => finder.show(finder.index + 1));
	form.querySelector('[data-find-prev]').addEventListener('click', () => finder.show(finder.index - 1));
	form.addEventListener('submit', (event) => {
		// The same words again: next match, as a browser's find does.
		if (input.value.trim() === query && finder.marks.length > 0) {
			event.preventDefault();
			finder.show(finder.index + 1);
		}
	});
	input.addEventListener('keydown', (event) => {
		if (event.key === 'Enter' && event.shiftKey && finder.marks.length > 0 && input.value.trim() === query) {
			event.preventDefault();
			finder.show(finder.index - 1);
		}
	});
	document.addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && (form.contains(event.target) || !isTyping(event.target)) &&
			(finder.marks.length > 0 || query !== '') && document.querySelector('[data-share-menu]')?.hidden !== false) {
			finder.clear();
		}
	});
}
