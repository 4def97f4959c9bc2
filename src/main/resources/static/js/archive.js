// Progressive enhancement for the reading pages. Everything works without this module:
// timestamps are plain links (/episodes/{slug}?t=754) and the server puts a #t= media
// fragment on the audio. With it, timestamps seek the player in place, the paragraph and
// chapter being played are highlighted and followed, links to moments can be copied, and
// the keyboard controls the player.

// Errors are collected where a test (or a curious reader) can see them.
const errors = (window.archiveErrors = window.archiveErrors || []);
window.addEventListener('error', (event) => errors.push(String(event.message || event.type)));
window.addEventListener('unhandledrejection', (event) => errors.push(`unhandled rejection: ${event.reason}`));
document.addEventListener('securitypolicyviolation', (event) =>
	errors.push(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));

const SKIP_SECONDS = 15;
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

// a video enclosure plays in <video>, with the same controls and seeking
const audio = document.querySelector('audio[data-player], video[data-player]');
const status = document.querySelector('[data-player-status]');

function announce(text) {
	if (status) {
		status.textContent = text;
	}
}

function clock(seconds) {
	const total = Math.max(0, Math.floor(seconds));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = String(total % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Elements with a data-start, in document order, with their start as a number. */
function timed(selector) {
	return [...document.querySelectorAll(selector)]
		.map((el) => ({ el, start: Number.parseInt(el.dataset.start, 10), end: Number.parseInt(el.dataset.end, 10) }))
		.filter((item) => Number.isFinite(item.start));
}

function isTyping(target) {
	return target instanceof Element &&
		(target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null);
}

function enhancePlayer(player) {
	const episodePath = `/episodes/${player.dataset.episode}`;
	const follower = createFollower(player);
	let pendingSeek = null;

	// Seeking before the audio has loaded: remember the time and apply it once the
	// metadata is in (the media fragment in src covers the no-JavaScript case).
	player.addEventListener('loadedmetadata', () => {
		if (pendingSeek !== null) {
			player.currentTime = pendingSeek;
			pendingSeek = null;
		}
	});

	const start = Number.parseInt(player.dataset.start ?? '', 10);
	if (Number.isFinite(start) && start > 0) {
		pendingSeek = start;
		// Load only the metadata so the timeline shows where playback will start.
		player.preload = 'metadata';
	}

	function seek(seconds, play) {
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
		if (play) {
			player.play().catch((error) => announce(`Press play to listen (${error.name}).`));
		}
		announce(`Playing from ${clock(seconds)}`);
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
		const seconds = Number.parseInt(link.dataset.seek, 10);
		if (!Number.isFinite(seconds) || new URL(link.href).pathname !== episodePath) {
			return;
		}
		event.preventDefault();
		follower.resume(false);
		seek(seconds, true);
		rememberMoment(seconds);
	});

	// Keyboard: space plays or pauses, arrows skip, unless the reader is typing or the
	// focused control has its own use for the key.
	document.addEventListener('keydown', (event) => {
		if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) {
			return;
		}
		const onControl = event.target instanceof Element &&
			event.target.closest('button, a, summary, audio, video, [role="button"]') !== null;
		if (event.key === ' ' && !onControl) {
			event.preventDefault();
			if (player.paused) {
				player.play().catch((error) => announce(`Press play to listen (${error.name}).`));
			}
			else {
				player.pause();
			}
		}
		else if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && event.target !== player) {
			event.preventDefault();
			const delta = event.key === 'ArrowLeft' ? -SKIP_SECONDS : SKIP_SECONDS;
			const limit = Number.isFinite(player.duration) ? player.duration : Infinity;
			const target = Math.min(Math.max(0, player.currentTime + delta), limit);
			seek(target, false);
		}
	});
}

/**
 * Highlights the paragraph and chapter being played, and keeps the paragraph in view
 * until the reader scrolls away; a button resumes following.
 */
function createFollower(player) {
	const segments = timed('[data-segment]');
	const chapters = timed('[data-chapter], [data-chapter-heading]');
	const container = document.querySelector('[data-transcript]');
	const transcriptEnd = container ? Number.parseInt(container.dataset.end ?? '', 10) : Number.NaN;
	const resumeButton = document.querySelector('[data-follow-resume]');
	let following = true;
	let currentStart = null;
	// Scrolls this script makes must not count as the reader scrolling away: they are
	// ignored until the browser reports the scroll ended (or, failing that, 3 s passed).
	let programmaticUntil = 0;

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
		programmaticUntil = Date.now() + 3000;
		el.scrollIntoView({ block: 'center', behavior: reducedMotion ? 'auto' : 'smooth' });
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
		if (resumeButton) {
			resumeButton.hidden = false;
		}
	}

	function resume(scroll) {
		following = true;
		if (resumeButton) {
			resumeButton.hidden = true;
		}
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
	// The reader scrolling (wheel, touch, keys, scrollbar) stops the following.
	window.addEventListener('wheel', stopFollowing, { passive: true });
	window.addEventListener('touchmove', stopFollowing, { passive: true });
	window.addEventListener('keydown', (event) => {
		if (['PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown'].includes(event.key) && !isTyping(event.target)) {
			stopFollowing();
		}
	});
	window.addEventListener('scrollend', () => {
		programmaticUntil = 0;
	});
	window.addEventListener('scroll', () => {
		if (Date.now() > programmaticUntil) {
			stopFollowing();
		}
	}, { passive: true });
	return { resume };
}

/** "Copy link" buttons are useless without script, so they are hidden until now. */
function enableCopyButtons() {
	for (const button of document.querySelectorAll('button[data-copy]')) {
		button.hidden = false;
	}
	document.addEventListener('click', async (event) => {
		const button = event.target instanceof Element ? event.target.closest('button[data-copy]') : null;
		if (!button) {
			return;
		}
		const url = new URL(button.dataset.copy, window.location.href).href;
		let copied = false;
		try {
			await navigator.clipboard.writeText(url);
			copied = true;
		}
		catch {
			copied = copyWithSelection(url);
		}
		button.dataset.copied = url;
		const label = button.textContent;
		button.textContent = copied ? 'Copied' : 'Copy failed';
		announce(copied ? 'Link to this moment copied' : `Copy this link: ${url}`);
		window.setTimeout(() => {
			button.textContent = label;
		}, 2000);
	});
}

/** Clipboard fallback for pages not served over HTTPS or localhost. */
function copyWithSelection(text) {
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

/** A transcript opened with ?q= shows its first match, unless the URL names an anchor. */
function revealFirstMatch() {
	const first = document.querySelector('[data-transcript] .is-match');
	if (first && !window.location.hash) {
		first.scrollIntoView({ block: 'center' });
	}
}

if (audio) {
	enhancePlayer(audio);
}
enableCopyButtons();
revealFirstMatch();
document.documentElement.dataset.enhanced = 'true';
