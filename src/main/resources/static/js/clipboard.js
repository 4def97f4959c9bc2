/** Copies text; falls back to a hidden selection where the Clipboard API is refused. */
export async function copy(text) {
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
