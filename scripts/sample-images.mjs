// Makes the sample's pictures in content/images/: abstract skylines and portraits drawn here, so the sample
// carries no photograph of anyone and nothing under another's copyright. Run it again after changing a drawing:
// `npm exec -- node scripts/sample-images.mjs`.
import { mkdirSync } from 'node:fs';
import sharp from 'sharp';

const out = new URL('../content/images/', import.meta.url);
mkdirSync(out, { recursive: true });

/** A row of towers from a fixed seed (no Math.random: the same file every time). */
function skyline(seed, width, base, color) {
	let state = seed;
	const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
	let x = 0;
	let path = `M0 ${base}`;
	while (x < width) {
		const w = 40 + Math.round(next() * 90);
		const h = 80 + Math.round(next() * 260);
		const top = base - h;
		const mid = x + Math.round(w / 2);
		path += ` L${x} ${top}`;
		if (next() > 0.6) path += ` L${mid - 8} ${top} L${mid} ${top - 50} L${mid + 8} ${top}`;
		path += ` L${x + w} ${top}`;
		x += w;
	}
	return `<path d="${path} L${width} ${base} Z" fill="${color}"/>`;
}

function city(name, seed, sky, sun) {
	const [w, h] = [1600, 600];
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
	<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky[0]}"/><stop offset="1" stop-color="${sky[1]}"/></linearGradient></defs>
	<rect width="${w}" height="${h}" fill="url(#s)"/>
	<circle cx="${w * 0.72}" cy="${h * 0.42}" r="90" fill="${sun}" opacity="0.9"/>
	${skyline(seed, w, h - 70, '#2a2f55')}
	${skyline(seed + 7, w, h, '#141733')}
	</svg>`;
}

function portrait(from, to, figure) {
	return `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="480">
	<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
	<rect width="480" height="480" fill="url(#g)"/>
	<circle cx="240" cy="190" r="92" fill="${figure}"/>
	<path d="M70 480 C80 340 160 300 240 300 C320 300 400 340 410 480 Z" fill="${figure}"/>
	</svg>`;
}

const render = (svg) => sharp(Buffer.from(svg));
await render(city('sydney', 11, ['#f4a259', '#5b3a82'], '#ffd27a'))
	.jpeg({ quality: 78, mozjpeg: true })
	.toFile(new URL('sydney.jpg', out).pathname);
await render(city('toronto', 23, ['#8ecae6', '#219ebc'], '#fff3b0'))
	.webp({ quality: 80 })
	.toFile(new URL('toronto.webp', out).pathname);
await render(portrait('#0b5f77', '#1a1446', '#cfe8ef'))
	.png({ palette: true })
	.toFile(new URL('megan-okafor.png', out).pathname);
await render(portrait('#8a4b08', '#5c2d91', '#f3dcc3'))
	.jpeg({ quality: 80, mozjpeg: true })
	.toFile(new URL('aisha-kamara.jpg', out).pathname);
