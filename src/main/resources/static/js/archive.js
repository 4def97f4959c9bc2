// Progressive enhancement for the reading pages. Everything works without this module:
// timestamps are plain links (/episodes/{slug}?t=754), the server puts a #t= media
// fragment on the audio, marks the paragraphs of a shared moment and of a search. With it,
// timestamps seek the player in place, the paragraph and chapter being played are
// highlighted and followed, a range plays and stops at its end, the find bar steps through
// the matches, quotes and links to moments can be copied, and the keyboard controls the
// player. The player only ever says what the audio element reports.

const SKIP_SECONDS = 15;
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

// a video enclosure plays in <video>, with the same controls and seeking
const audio = document.querySelector('audio[data-player], video[data-player]');
const status = document.querySelector('[data-player-status]');
const startNote = document.querySelector('[data-player-start]');
const transcript = document.querySelector('[data-transcript]');

function announce(text) {
	if (status) {
		status.textContent = text;
		// The status takes the start note's place on the bar, so the bar keeps its height.
		if (startNote) {
			startNote.hidden = text !== '';
		}
	}
}

function clock(seconds) {
	const total = Math.max(0, Math.floor(seconds));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = String(total % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

function int(value) {
	return Number.parseInt(value ?? '', 10);
}

/** Elements with a data-start, in document order, with their start as a number. */
function timed(selector) {
	return [...document.querySelectorAll(selector)]
		.map((el) => ({ el, start: int(el.dataset.start), end: int(el.dataset.end) }))
		.filter((item) => Number.isFinite(item.start));
}

function isTyping(target) {
	return target instanceof Element &&
		(target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null);
}

function scrollBehavior() {
	return reducedMotion ? 'auto' : 'smooth';
}

function enhancePlayer(player) {
	const episodePath = `/episodes/${player.dataset.episode}`;
	const failure = document.querySelector('[data-player-error]');
	const follower = createFollower(player);
	let pendingSeek = null;
	let failed = false;
	// The end of the range the page was opened at (?t=754,801): playback stops there once.
	let rangeEnd = int(player.dataset.end);
	let stoppedAt = null;

	function fail() {
		if (failed) {
			return;
		}
		failed = true;
		announce('');
		if (startNote) {
			startNote.hidden = true;
		}
		if (failure) {
			failure.hidden = false;
		}
		player.classList.add('is-unavailable');
		follower.playing(false);
	}

	// A media error (host down, offline, blocked, unsupported) or a source that cannot
	// be fetched: say so, with the direct download link.
	player.addEventListener('error', fail);

	player.addEventListener('loadedmetadata', () => {
		if (pendingSeek !== null) {
			player.currentTime = pendingSeek;
			pendingSeek = null;
		}
	});

	player.addEventListener('playing', () => {
		announce(Number.isFinite(rangeEnd)
			? `Playing ${clock(player.currentTime)} – ${clock(rangeEnd)}`
			: `Playing from ${clock(player.currentTime)}`);
		follower.playing(true);
	});
	player.addEventListener('pause', () => {
		follower.playing(false);
		if (stoppedAt !== null) {
			announce(`End of the shared moment at ${clock(stoppedAt)}. Press play to go on.`);
			stoppedAt = null;
		}
		else if (!failed && !player.ended) {
			announce(`Paused at ${clock(player.currentTime)}`);
		}
	});
	player.addEventListener('seeked', () => {
		if (player.paused && !failed) {
			announce(`At ${clock(player.currentTime)}, paused`);
		}
		else if (!failed) {
			announce(`Playing from ${clock(player.currentTime)}`);
		}
	});
	player.addEventListener('timeupdate', () => {
		if (Number.isFinite(rangeEnd) && player.currentTime >= rangeEnd) {
			stoppedAt = rangeEnd;
			rangeEnd = Number.NaN;
			player.pause();
		}
	});

	const start = int(player.dataset.start);
	if (Number.isFinite(start) && start > 0) {
		pendingSeek = start;
		// Load only the metadata so the timeline shows where playback will start.
		player.preload = 'metadata';
	}

	function play() {
		player.play().catch((error) => {
			if (error.name === 'NotSupportedError' || player.error) {
				fail();
			}
			else if (error.name === 'NotAllowedError') {
				announce(`Press play to listen from ${clock(pendingSeek ?? player.currentTime)}`);
			}
		});
	}

	function seek(seconds, andPlay) {
		if (failed) {
			return;
		}
		if (player.readyState >= HTMLMediaElement.HAVE_METADATA) {
			player.currentTime = seconds;
		}
		else {
			pendingSeek = seconds;
			if (player.preload === 'none') {
				player.preload = 'metadata';
			}
			player.load();
		}
		if (andPlay) {
			play();
		}
	}

	function rememberMoment(seconds) {
		const url = new URL(window.location.href);
		url.searchParams.set('t', String(seconds));
		url.hash = '';
		window.history.replaceState(null, '', url);
	}

	// Timestamp links of this episode seek in place instead of loading the episode page.
	document.addEventListener('click', (event) => {
		const link = event.target instanceof Element ? event.target.closest('a[data-seek]') : null;
		if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
			event.shiftKey || event.altKey) {
			return;
		}
		const seconds = int(link.dataset.seek);
		if (!Number.isFinite(seconds) || new URL(link.href).pathname !== episodePath) {
			return;
		}
		event.preventDefault();
		if (failed) {
			failure?.querySelector('a')?.focus();
			return;
		}
		// A reader who picks another moment has left the shared range.
		rangeEnd = Number.NaN;
		follower.resume(false);
		seek(seconds, true);
		rememberMoment(seconds);
	});

	// Keyboard: space plays or pauses, arrows skip, unless the reader is typing or the
	// focused control has its own use for the key.
	document.addEventListener('keydown', (event) => {
		if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target) ||
			failed) {
			return;
		}
		const onControl = event.target instanceof Element &&
			event.target.closest('button, a, summary, audio, video, [role="button"]') !== null;
		if (event.key === ' ' && !onControl) {
			event.preventDefault();
			if (player.paused) {
				play();
			}
			else {
				player.pause();
			}
		}
		else if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && event.target !== player) {
			event.preventDefault();
			const delta = event.key === 'ArrowLeft' ? -SKIP_SECONDS : SKIP_SECONDS;
			const limit = Number.isFinite(player.duration) ? player.duration : Infinity;
			seek(Math.min(Math.max(0, player.currentTime + delta), limit), false);
		}
	});

	// The audio may have failed before this module ran. (networkState is no help here:
	// it reads NO_SOURCE while the browser is still choosing the source.)
	if (player.error) {
		fail();
	}
}

/**
 * Highlights the paragraph and chapter being played, and keeps the paragraph in view
 * until the reader scrolls away; a button, shown only while the audio plays, resumes
 * following. Only the reader's own input (wheel, touch, keys, dragging the scrollbar)
 * counts as scrolling away: scrolls this script makes, and the browser's own adjustments,
 * do not.
 */
function createFollower(player) {
	const segments = timed('[data-segment]');
	const chapters = timed('[data-chapter], [data-chapter-heading]');
	const transcriptEnd = transcript ? int(transcript.dataset.end) : Number.NaN;
	const resumeButton = document.querySelector('[data-follow-resume]');
	let following = true;
	let currentStart = null;
	let pointerDown = false;

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

	function currentSegmentStart(time) {
		if (Number.isFinite(transcriptEnd) && time >= transcriptEnd) {
			return null;
		}
		let found = null;
		for (const segment of segments) {
			if (segment.start <= time) {
				found = segment.start;
			}
			else {
				break;
			}
		}
		return found;
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

	function showResume() {
		if (resumeButton) {
			resumeButton.hidden = following || player.paused || segments.length === 0;
		}
	}

	function update() {
		const time = player.currentTime;
		for (const chapter of chapters) {
			const end = Number.isFinite(chapter.end) ? chapter.end : Infinity;
			const next = chapters.find((c) => c.start > chapter.start);
			const until = Math.min(end, next ? next.start : Infinity);
			mark([chapter.el], time >= chapter.start && time < until && (time > 0 || !player.paused));
		}
		const start = currentSegmentStart(time);
		if (start === currentStart) {
			return;
		}
		currentStart = start;
		const current = segments.filter((s) => s.start === start).map((s) => s.el);
		mark(segments.map((s) => s.el).filter((el) => !current.includes(el)), false);
		mark(current, true);
		if (following && current.length > 0 && !player.paused && !inView(current[0])) {
			scrollTo(current[0]);
		}
	}

	function stopFollowing() {
		if (!following || player.paused || segments.length === 0) {
			return;
		}
		following = false;
		showResume();
	}

	function resume(scroll) {
		following = true;
		showResume();
		const current = segments.find((s) => s.start === currentStart);
		if (scroll && current) {
			scrollTo(current.el);
		}
	}

	player.addEventListener('timeupdate', update);
	player.addEventListener('seeked', update);
	player.addEventListener('play', update);
	if (resumeButton) {
		resumeButton.addEventListener('click', () => resume(true));
	}
	window.addEventListener('wheel', stopFollowing, { passive: true });
	window.addEventListener('touchmove', stopFollowing, { passive: true });
	window.addEventListener('keydown', (event) => {
		if (['PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown'].includes(event.key) && !isTyping(event.target)) {
			stopFollowing();
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
			stopFollowing();
		}
	}, { passive: true });
	return { resume, playing: showResume };
}

/** Copies text; falls back to a hidden selection where the Clipboard API is refused. */
async function copy(text) {
	try {
		await navigator.clipboard.writeText(text);
		return true;
	}
	catch {
		const area = document.createElement('textarea');
		area.value = text;
		area.setAttribute('readonly', '');
		area.className = 'visually-hidden';
		document.body.append(area);
		area.select();
		let ok = false;
		try {
			ok = document.execCommand('copy');
		}
		catch {
			ok = false;
		}
		area.remove();
		return ok;
	}
}

/**
 * Quotes: selecting words in the transcript, or a paragraph's share button, opens the
 * share menu with "Copy quote" (the words, the speaker, the time and a link that plays
 * exactly that range) and "Copy link".
 */
function enableSharing() {
	const menu = document.querySelector('[data-share-menu]');
	if (!transcript || !menu) {
		return;
	}
	const paragraphs = [...transcript.querySelectorAll('[data-segment]')];
	const title = transcript.dataset.episodeTitle ?? '';
	const end = int(transcript.dataset.end);
	const path = window.location.pathname.replace(/\/chapters\/\d+$/, '/transcript');
	let moment = null;
	let opener = null;
	let timer = 0;

	for (const button of transcript.querySelectorAll('[data-share]')) {
		button.hidden = false;
	}

	/** The moment of paragraphs first..last: its range ends where the next paragraph starts. */
	function momentOf(first, last, text) {
		const start = int(first.dataset.start);
		const after = paragraphs.slice(paragraphs.indexOf(last) + 1).find((p) => int(p.dataset.start) > int(last.dataset.start));
		const stop = after ? int(after.dataset.start) : (Number.isFinite(end) ? end : null);
		const t = stop !== null && stop > start ? `${start},${stop}` : String(start);
		const url = new URL(`${path}?t=${t}#${first.id}`, window.location.href).href;
		return { text: text.replace(/\s+/g, ' ').trim(), speaker: first.dataset.speaker || '', start, url };
	}

	function quoteText(m) {
		const who = m.speaker ? `${m.speaker}, ` : '';
		return `“${m.text}”\n— ${who}${title} (${clock(m.start)})\n${m.url}`;
	}

	function open(m, anchorRect, from) {
		moment = m;
		if (opener) {
			opener.setAttribute('aria-expanded', 'false');
		}
		opener = from;
		if (opener) {
			opener.setAttribute('aria-expanded', 'true');
		}
		menu.hidden = false;
		const width = menu.offsetWidth;
		const left = Math.min(Math.max(8, anchorRect.left + window.scrollX), window.scrollX + document.documentElement.clientWidth - width - 8);
		menu.style.left = `${left}px`;
		menu.style.top = `${anchorRect.bottom + window.scrollY + 6}px`;
	}

	function close() {
		menu.hidden = true;
		moment = null;
		if (opener) {
			opener.setAttribute('aria-expanded', 'false');
			opener = null;
		}
	}

	function selectedMoment() {
		const selection = window.getSelection();
		if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
			return null;
		}
		const range = selection.getRangeAt(0);
		const from = (range.startContainer.nodeType === Node.ELEMENT_NODE ? range.startContainer : range.startContainer.parentElement)?.closest('[data-segment]');
		const to = (range.endContainer.nodeType === Node.ELEMENT_NODE ? range.endContainer : range.endContainer.parentElement)?.closest('[data-segment]');
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
				open(selected.moment, selected.rect, null);
			}
			else if (!opener && !menu.contains(document.activeElement)) {
				close();
			}
		}, 150);
	});

	transcript.addEventListener('click', (event) => {
		const button = event.target instanceof Element ? event.target.closest('[data-share]') : null;
		if (button) {
			if (opener === button) {
				close();
				return;
			}
			const paragraph = button.closest('[data-segment]');
			const text = paragraph.querySelector('.segment-text')?.textContent ?? '';
			open(momentOf(paragraph, paragraph, text), button.getBoundingClientRect(), button);
			menu.querySelector('button')?.focus();
			return;
		}
		// On a touch screen, tapping a paragraph offers its share button.
		const paragraph = event.target instanceof Element ? event.target.closest('[data-segment]') : null;
		if (paragraph && !(event.target instanceof Element && event.target.closest('a, button'))) {
			const wasActive = paragraph.classList.contains('is-active');
			for (const p of transcript.querySelectorAll('.segment.is-active')) {
				p.classList.remove('is-active');
			}
			paragraph.classList.toggle('is-active', !wasActive);
		}
	});

	async function copyAndSay(text, button, what) {
		const ok = await copy(text);
		menu.dataset.copied = text;
		const label = button.textContent;
		button.textContent = ok ? 'Copied' : 'Copy failed';
		announce(ok ? `${what} copied` : `Copy this: ${text}`);
		window.setTimeout(() => {
			button.textContent = label;
		}, 2000);
	}

	menu.querySelector('[data-copy-quote]').addEventListener('click', (event) => {
		if (moment) {
			copyAndSay(quoteText(moment), event.currentTarget, 'Quote');
		}
	});
	menu.querySelector('[data-copy-link]').addEventListener('click', (event) => {
		if (moment) {
			copyAndSay(moment.url, event.currentTarget, 'Link');
		}
	});
	document.addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && !menu.hidden) {
			const back = opener;
			close();
			back?.focus();
		}
	});
	document.addEventListener('pointerdown', (event) => {
		if (!menu.hidden && event.target instanceof Element && !menu.contains(event.target) &&
			!event.target.closest('[data-share]')) {
			// A new selection may start here; the selection handler reopens the menu for it.
			if (opener) {
				close();
			}
		}
	});
}

/**
 * The find bar: the server marked every match of ?q=; this steps through them ("3 of 13",
 * wrapping around), and Escape clears them.
 */
function enableFind() {
	const form = document.querySelector('[data-find]');
	if (!form || !transcript) {
		return;
	}
	const input = form.querySelector('input[name="q"]');
	const count = form.querySelector('[data-find-count]');
	const nav = form.querySelector('[data-find-nav]');
	const query = new URL(window.location.href).searchParams.get('q')?.trim() ?? '';
	let marks = [...transcript.querySelectorAll('.is-match mark')];
	let index = -1;

	function show(i) {
		if (marks.length === 0) {
			return;
		}
		marks[index]?.classList.remove('is-current-match');
		index = (i + marks.length) % marks.length;
		const mark = marks[index];
		mark.classList.add('is-current-match');
		mark.scrollIntoView({ block: 'center', behavior: scrollBehavior() });
		count.textContent = `${index + 1} of ${marks.length}`;
	}

	function clear() {
		for (const mark of marks) {
			mark.replaceWith(document.createTextNode(mark.textContent));
		}
		for (const paragraph of transcript.querySelectorAll('.is-match')) {
			paragraph.classList.remove('is-match');
			paragraph.querySelector('.segment-text')?.normalize();
			paragraph.querySelector('.next-match')?.remove();
		}
		document.querySelector('.search-note')?.remove();
		marks = [];
		index = -1;
		input.value = '';
		count.textContent = '';
		nav.hidden = true;
		form.classList.remove('is-active');
		const url = new URL(window.location.href);
		url.searchParams.delete('q');
		window.history.replaceState(null, '', url);
	}

	if (query !== '' && marks.length > 0) {
		nav.hidden = false;
		for (const link of transcript.querySelectorAll('.next-match')) {
			link.hidden = true;
		}
		// Opened at a moment (a search result's "Read in transcript"): count from the
		// match there; otherwise go to the first.
		const target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
		if (target && target.querySelector('mark')) {
			marks[index]?.classList.remove('is-current-match');
			index = marks.indexOf(target.querySelector('mark'));
			marks[index].classList.add('is-current-match');
			count.textContent = `${index + 1} of ${marks.length}`;
			target.scrollIntoView({ block: 'center' });
		}
		else if (!window.location.hash && !new URL(window.location.href).searchParams.has('t')) {
			show(0);
		}
		else {
			count.textContent = `${marks.length} ${marks.length === 1 ? 'match' : 'matches'}`;
		}
	}
	form.querySelector('[data-find-next]').addEventListener('click', () => show(index + 1));
	form.querySelector('[data-find-prev]').addEventListener('click', () => show(index - 1));
	form.addEventListener('submit', (event) => {
		// The same words again: next match, as a browser's find does.
		if (input.value.trim() === query && marks.length > 0) {
			event.preventDefault();
			show(index + 1);
		}
	});
	input.addEventListener('keydown', (event) => {
		if (event.key === 'Enter' && event.shiftKey && marks.length > 0 && input.value.trim() === query) {
			event.preventDefault();
			show(index - 1);
		}
	});
	document.addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && (form.contains(event.target) || !isTyping(event.target)) &&
			(marks.length > 0 || query !== '') && document.querySelector('[data-share-menu]')?.hidden !== false) {
			clear();
		}
	});
}

/**
 * A page opened at a moment (?t=754 or ?t=754,801) shows its paragraphs: the server
 * marked them is-quoted, this brings them into view (an #anchor, if any, wins).
 */
function revealMoment() {
	if (window.location.hash || new URL(window.location.href).searchParams.has('q')) {
		return;
	}
	const quoted = document.querySelector('[data-transcript] .is-quoted');
	if (quoted) {
		quoted.scrollIntoView({ block: 'center' });
	}
}

/** Keeps focused controls clear of the sticky player: scroll-padding follows its height. */
function padForStickyPlayer() {
	const sticky = document.querySelector('.sticky-player');
	if (!sticky || !('ResizeObserver' in window)) {
		return;
	}
	new ResizeObserver(() => {
		document.documentElement.style.setProperty('--sticky-height', `${Math.ceil(sticky.offsetHeight)}px`);
	}).observe(sticky);
}

padForStickyPlayer();
if (audio) {
	enhancePlayer(audio);
}
enableSharing();
enableFind();
revealMoment();
document.documentElement.dataset.enhanced = 'true';
