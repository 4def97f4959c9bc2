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

/** Buttons that copy a field's text ([data-copy-text] names the field): shown only with this script. */
export function enableCopyButtons() {
	for (const button of document.querySelectorAll('[data-copy-text]')) {
		const field = document.querySelector(button.dataset.copyText);
		if (!field) {
			continue;
		}
		button.hidden = false;
		button.addEventListener('click', async () => {
			const ok = await copy(field.value ?? field.textContent);
			const label = button.textContent;
			button.textContent = ok ? 'Copied' : 'Select and copy it';
			window.setTimeout(() => {
				button.textContent = label;
			}, 2000);
		});
	}
}
