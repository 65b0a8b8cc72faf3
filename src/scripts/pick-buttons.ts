// The "My schedule" buttons: shown once this runs, pressed when the delivery is picked, kept in step across the page
// and across tabs (the storage event). Picks live in src/scripts/picks.ts.
import { isPicked, readPicks, togglePick, writePicks, type Pick } from './picks';

const changed = 'roadshow:picks';

function pickOf(button: HTMLButtonElement): Pick | undefined {
	const { pick: uid, city, key } = button.dataset;
	return uid && city && key ? { uid, city, key } : undefined;
}

/** Sets every button under `root` to the stored picks. */
export function syncPickButtons(root: ParentNode = document): void {
	const picks = readPicks();
	for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-pick]')) {
		button.setAttribute('aria-pressed', String(isPicked(picks, button.dataset['pick'] ?? '')));
		button.hidden = false;
	}
}

let listening = false;

/** Shows and wires the buttons under `root`; safe to call again for buttons added later (the catalog's cards). */
export function initPickButtons(root: ParentNode = document): void {
	syncPickButtons(root);
	if (listening) return;
	listening = true;
	document.addEventListener('click', (event) => {
		const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-pick]') : null;
		const pick = button ? pickOf(button) : undefined;
		if (!pick) return;
		writePicks(togglePick(readPicks(), pick));
		document.dispatchEvent(new CustomEvent(changed));
	});
	document.addEventListener(changed, () => syncPickButtons());
	window.addEventListener('storage', (event) => {
		if (event.key === null || event.key === 'roadshow:picks') syncPickButtons();
	});
}

/** A "My schedule" button made in the browser (catalog cards, my schedule), the same as PickButton.astro's. */
export function pickButton(pick: Pick, context: string, pressed = false): HTMLButtonElement {
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'pick';
	Object.assign(button.dataset, { pick: pick.uid, city: pick.city, key: pick.key });
	button.setAttribute('aria-pressed', String(pressed));
	const hidden = document.createElement('span');
	hidden.className = 'visually-hidden';
	hidden.textContent = ` for ${context}`;
	button.append('My schedule', hidden);
	return button;
}
