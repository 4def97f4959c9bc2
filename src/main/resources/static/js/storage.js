// The reader's own settings and places, kept in this browser only (localStorage); where
// storage is refused (private mode, full), they last for the page.

export function stored(key) {
	try {
		return window.localStorage.getItem(key);
	}
	catch {
		return null;
	}
}

export function store(key, value) {
	try {
		window.localStorage.setItem(key, value);
	}
	catch {
		// refused: nothing is kept
	}
}

export function storedJson(key) {
	try {
		return JSON.parse(stored(key) ?? 'null');
	}
	catch {
		return null;
	}
}
