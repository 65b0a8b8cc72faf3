// Offline copies (docs/architecture.md "Offline"): registers the service worker (/sw.js), and says so when the
// page is a saved copy. The worker marks a copy it serves with data-saved-copy="<ISO time>" on <html>; this
// reads the mark and writes it into the layout's status region ([data-offline-notice], role=status). Without
// JavaScript or service workers, nothing happens and pages come from the network as always.

const notice = document.querySelector<HTMLElement>('[data-offline-notice]');
const saved = document.documentElement.dataset['savedCopy'];

if (notice && saved !== undefined) {
	const when = new Date(saved);
	const text = Number.isNaN(when.getTime())
		? 'You are offline: this is a saved copy of this page.'
		: `You are offline: this is the copy of this page saved on ${new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
				dateStyle: 'medium',
				timeStyle: 'short',
			}).format(when)}.`;
	notice.textContent = text;
	addEventListener('online', () => {
		notice.textContent = 'You are back online: reload the page for the current version.';
	});
}

// Not in `astro dev` (its mode is 'development'), whose pages are slow to come and change at every save. The mode,
// not import.meta.env.PROD: that follows NODE_ENV, which test runners set to 'test' around a production build.
if (import.meta.env.MODE !== 'development' && 'serviceWorker' in navigator) {
	// After the load, so that registering never competes with the page itself.
	// A page loaded before the worker ran (the first visit) is not saved yet: the worker is asked to save it.
	const controlled = navigator.serviceWorker.controller !== null;
	addEventListener('load', () => {
		navigator.serviceWorker.register('/sw.js').catch(() => undefined);
		if (!controlled)
			void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ save: [location.pathname] }));
	});
}
