// The page around the player: where it opens, and room for the sticky bar.

/**
 * A page opened at a moment (?t=754 or ?t=754,801) shows its paragraphs: the server
 * marked them is-quoted, this brings them into view (an #anchor, if any, wins).
 */
export function revealMoment() {
	if (window.location.hash || new URL(window.location.href).searchParams.has('q')) {
		return;
	}
	document.querySelector('[data-transcript] .is-quoted')?.scrollIntoView({ block: 'center' });
}

/** Keeps focused controls clear of the sticky player: scroll-padding follows its height. */
export function padForStickyPlayer() {
	const sticky = document.querySelector('.sticky-player');
	if (!sticky || !('ResizeObserver' in window)) {
		return;
	}
	new ResizeObserver(() => {
		document.documentElement.style.setProperty('--sticky-height', `${Math.ceil(sticky.offsetHeight)}px`);
	}).observe(sticky);
}
