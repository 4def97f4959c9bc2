// Small helpers the reading-page modules share.

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** 754 → "12:34", 3723 → "1:02:03". */
export function clock(seconds) {
	const total = Math.max(0, Math.floor(seconds));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = String(total % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export function int(value) {
	return Number.parseInt(value ?? '', 10);
}

/** Elements with a data-start, in document order, with their start (and end) as numbers. */
export function timed(selector) {
	return [...document.querySelectorAll(selector)]
		.map((el) => ({ el, start: int(el.dataset.start), end: int(el.dataset.end) }))
		.filter((item) => Number.isFinite(item.start));
}

/** Whether a key pressed on this target is the reader typing. */
export function isTyping(target) {
	return target instanceof Element &&
		(target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null);
}

export function scrollBehavior() {
	return reducedMotion ? 'auto' : 'smooth';
}

/** The element an event happened on, or null (text nodes and the window have none). */
export function targetElement(event) {
	return event.target instanceof Element ? event.target : null;
}
