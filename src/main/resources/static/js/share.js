// Quotes: selecting words in the transcript, or a paragraph's share button, opens the
// share menu with "Copy quote" (the words, the speaker, the time and a link that plays
// exactly that range), "Copy link", the quote card as a picture to download, "Similar
// moments" (the nearest moments by meaning across the archive) and, where the browser
// has one (phones), its own share sheet.

import { copy } from './clipboard.js';
import { announce } from './status.js';
import { clock, int, targetElement } from './util.js';

/** What a moment is made of, on this page: its paragraphs, the episode's title and end. */
function momentsOf(transcript) {
	const paragraphs = [...transcript.querySelectorAll('[data-segment]')];
	const end = int(transcript.dataset.end);
	const path = window.location.pathname.replace(/\/chapters\/\d+$/, '/transcript');
	/** The moment of paragraphs first..last: its range ends where the next paragraph starts. */
	return function momentOf(first, last, text) {
		const start = int(first.dataset.start);
		const after = paragraphs.slice(paragraphs.indexOf(last) + 1).find((p) => int(p.dataset.start) > int(last.dataset.start));
		const stop = after ? int(after.dataset.start) : (Number.isFinite(end) ? end : null);
		const t = stop !== null && stop > start ? `${start},${stop}` : String(start);
		const url = new URL(`${path}?t=${t}#${first.id}`, window.location.href).href;
		const card = new URL(`${path.replace(/\/transcript$/, '')}/quote.png?t=${t}`, window.location.href).href;
		// "Similar moments": the first paragraph's nearest moments across the archive
		const slug = path.split('/')[2];
		const similar = `/search/similar?episode=${slug}&p=${encodeURIComponent(first.dataset.position ?? '')}`;
		return { text: text.replace(/\s+/g, ' ').trim(), speaker: first.dataset.speaker || '', start, url, card, similar };
	};
}

function quoteText(moment, title) {
	const who = moment.speaker ? `${moment.speaker}, ` : '';
	return `“${moment.text}”\n— ${who}${title} (${clock(moment.start)})\n${moment.url}`;
}

/** The one share menu: opened under a selection or a button, for one moment at a time. */
function createMenu(menu) {
	const state = { moment: null, opener: null };
	const card = menu.querySelector('[data-quote-card]');
	const similar = menu.querySelector('[data-similar]');
	state.open = (moment, anchorRect, from) => {
		state.moment = moment;
		if (card) {
			card.href = moment.card;
			card.hidden = false;
		}
		if (similar) {
			similar.href = moment.similar;
		}
		state.opener?.setAttribute('aria-expanded', 'false');
		state.opener = from;
		state.opener?.setAttribute('aria-expanded', 'true');
		menu.hidden = false;
		const width = menu.offsetWidth;
		const left = Math.min(Math.max(8, anchorRect.left + window.scrollX),
			window.scrollX + document.documentElement.clientWidth - width - 8);
		menu.style.left = `${left}px`;
		menu.style.top = `${anchorRect.bottom + window.scrollY + 6}px`;
	};
	state.close = () => {
		menu.hidden = true;
		state.moment = null;
		state.opener?.setAttribute('aria-expanded', 'false');
		state.opener = null;
	};
	return state;
}

function paragraphAt(node) {
	return (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement)?.closest('[data-segment]');
}

/** Opens the menu for words the reader selects in the transcript. */
function offerSelections(transcript, menu, state, momentOf) {
	let timer = 0;
	function selectedMoment() {
		const selection = window.getSelection();
		if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
			return null;
		}
		const range = selection.getRangeAt(0);
		const from = paragraphAt(range.startContainer);
		const to = paragraphAt(range.endContainer);
		if (!from || !to || !transcript.contains(from) || selection.toString().trim() === '') {
			return null;
		}
		return { moment: momentOf(from, to, selection.toString()), rect: range.getBoundingClientRect() };
	}
	document.addEventListener('selectionchange', () => {
		window.clearTimeout(timer);
		timer = window.setTimeout(() => {
			const selected = selectedMoment();
			if (selected) {
				state.open(selected.moment, selected.rect, null);
			}
			else if (!state.opener && !menu.contains(document.activeElement)) {
				state.close();
			}
		}, 150);
	});
}

/** A paragraph's share button opens the menu; on a touch screen a tap on a paragraph shows its button. */
function offerButtons(transcript, menu, state, momentOf) {
	for (const button of transcript.querySelectorAll('[data-share]')) {
		button.hidden = false;
	}
	transcript.addEventListener('click', (event) => {
		const target = targetElement(event);
		const button = target?.closest('[data-share]');
		if (button) {
			if (state.opener === button) {
				state.close();
				return;
			}
			const paragraph = button.closest('[data-segment]');
			const text = paragraph.querySelector('.segment-text')?.textContent ?? '';
			state.open(momentOf(paragraph, paragraph, text), button.getBoundingClientRect(), button);
			menu.querySelector('button')?.focus();
			return;
		}
		const paragraph = target?.closest('[data-segment]');
		if (paragraph && !target.closest('a, button')) {
			const wasActive = paragraph.classList.contains('is-active');
			for (const p of transcript.querySelectorAll('.segment.is-active')) {
				p.classList.remove('is-active');
			}
			paragraph.classList.toggle('is-active', !wasActive);
		}
	});
}

async function copyAndSay(menu, text, button, what) {
	const ok = await copy(text);
	menu.dataset.copied = text;
	const label = button.textContent;
	button.textContent = ok ? 'Copied' : 'Copy failed';
	announce(ok ? `${what} copied` : `Copy this: ${text}`);
	window.setTimeout(() => {
		button.textContent = label;
	}, 2000);
}

/** The menu's buttons, and the ways it closes: Escape, or a press outside it. */
function bindMenu(menu, state, title) {
	menu.querySelector('[data-copy-quote]').addEventListener('click', (event) => {
		if (state.moment) {
			copyAndSay(menu, quoteText(state.moment, title), event.currentTarget, 'Quote');
		}
	});
	menu.querySelector('[data-copy-link]').addEventListener('click', (event) => {
		if (state.moment) {
			copyAndSay(menu, state.moment.url, event.currentTarget, 'Link');
		}
	});
	const native = menu.querySelector('[data-native-share]');
	if (native && typeof navigator.share === 'function') {
		native.hidden = false;
		native.addEventListener('click', () => {
			if (state.moment) {
				const m = state.moment;
				navigator.share({ title, text: quoteText(m, title).split('\n').slice(0, 2).join('\n'), url: m.url })
					.catch(() => {
						// the reader closed the sheet
					});
			}
		});
	}
	document.addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && !menu.hidden) {
			const back = state.opener;
			state.close();
			back?.focus();
		}
	});
	document.addEventListener('pointerdown', (event) => {
		const target = targetElement(event);
		// A new selection may start here; the selection handler reopens the menu for it.
		if (!menu.hidden && target && !menu.contains(target) && !target.closest('[data-share]') && state.opener) {
			state.close();
		}
	});
}

export function enableSharing() {
	const transcript = document.querySelector('[data-transcript]');
	const menu = document.querySelector('[data-share-menu]');
	if (!transcript || !menu) {
		return;
	}
	const momentOf = momentsOf(transcript);
	const state = createMenu(menu);
	offerSelections(transcript, menu, state, momentOf);
	offerButtons(transcript, menu, state, momentOf);
	bindMenu(menu, state, transcript.dataset.episodeTitle ?? '');
}
