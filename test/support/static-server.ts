import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const types: Readonly<Record<string, string>> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.ics': 'text/calendar; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.wasm': 'application/wasm',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.txt': 'text/plain; charset=utf-8',
};

/**
 * A plain static host for a built site, as the simplest host a site owner might use (`astro preview` serves one
 * site per project at a time). Folders answer with their index.html; anything outside the root is refused.
 */
export function serveStatic(root: string): Promise<{ url: string; server: Server }> {
	const server = createServer((request, response) => {
		const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
		let file = normalize(join(root, path));
		if (file !== root && !file.startsWith(root + sep)) file = '';
		if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!file || !existsSync(file)) {
			response.writeHead(404, { 'content-type': types['.html'] });
			createReadStream(join(root, '404.html')).pipe(response);
			return;
		}
		response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
		createReadStream(file).pipe(response);
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			resolve({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server });
		});
	});
}
